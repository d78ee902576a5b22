namespace ComplianceConsole.Identifiers;

/// <summary>
/// The provider's labeling code for GB 45438-2025 implicit labels (TC260 practice guide), 27 characters: <c>00</c>,
/// <c>1</c>, <c>1</c>, the provider's 18-character unified social credit code, a service type (1 generation,
/// 2 distribution) and a 4-character product code.
/// </summary>
public static class LabelingCode
{
    public const int Length = 27;
    private const string Head = "0011";
    private const int CreditCodeStart = 4, CreditCodeLength = 18;

    /// <summary>The unified social credit code inside a code of <see cref="Length"/> characters.</summary>
    public static string CreditCodeIn(string code) => code.Substring(CreditCodeStart, CreditCodeLength);

    public static string Normalize(string? text) => IdentifierText.Normalize(text ?? "");

    /// <summary>Null when valid; otherwise each localisation key that says what is wrong, with its argument.</summary>
    public static (string Key, object? Argument)? Validate(string normalized, string providerCreditCode)
    {
        if (normalized.Length == 0) return null; // not set yet: the provider may not have one
        if (normalized.Length != Length) return ("Registry.LabelingCode.WrongLength", Length);
        if (!normalized.StartsWith(Head, StringComparison.Ordinal)) return ("Registry.LabelingCode.WrongHead", Head);
        var creditCode = CreditCodeIn(normalized);
        if (UnifiedSocialCreditCode.Validate(creditCode) is { } error) return ($"UnifiedSocialCreditCode.{error}", null);
        if (providerCreditCode.Length > 0 && creditCode != providerCreditCode) return ("Registry.LabelingCode.OtherCreditCode", providerCreditCode);
        if (normalized[22] is not ('1' or '2')) return ("Registry.LabelingCode.WrongServiceType", null);
        return normalized[23..].All(char.IsAsciiLetterOrDigit) ? null : ("Registry.LabelingCode.WrongProductCode", null);
    }
}
