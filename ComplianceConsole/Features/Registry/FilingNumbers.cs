namespace ComplianceConsole.Features.Registry;

/// <summary>An algorithm filing number (Art. 19) reads 网信算备, 21 digits, 号, e.g. 网信算备110108000000000000001号.</summary>
public static class FilingNumbers
{
    public const string Prefix = "网信算备", Suffix = "号";
    public const int Digits = 21, Length = 4 + Digits + 1;

    /// <summary>The number without spaces and with full-width digits made ASCII, as people paste it from documents.</summary>
    public static string Normalize(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c)).Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());

    /// <summary>Null when valid, otherwise the localisation key saying what is wrong.</summary>
    public static string? Validate(string normalized)
    {
        if (normalized.Length == 0) return "Validation.Required";
        if (!normalized.StartsWith(Prefix, StringComparison.Ordinal)) return "Registry.Filing.WrongPrefix";
        if (!normalized.EndsWith(Suffix, StringComparison.Ordinal)) return "Registry.Filing.WrongSuffix";
        var digits = normalized[Prefix.Length..^Suffix.Length];
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? null : "Registry.Filing.WrongDigits";
    }
}
