namespace ComplianceConsole.Identifiers;

public enum UnifiedSocialCreditCodeError { Empty, WrongLength, InvalidCharacter, WrongCheckCharacter }

/// <summary>The 18-character unified social credit code of GB 32100-2015, with its check character.</summary>
public static class UnifiedSocialCreditCode
{
    // The 31 characters the standard allows: digits and capitals without I, O, Z, S, V.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Checks a code after <see cref="IdentifierText.Normalize"/>; null when valid.</summary>
    public static UnifiedSocialCreditCodeError? Validate(string normalized)
    {
        if (normalized.Length == 0) return UnifiedSocialCreditCodeError.Empty;
        if (normalized.Length != 18) return UnifiedSocialCreditCodeError.WrongLength;
        if (normalized.Any(c => Alphabet.IndexOf(c) < 0)) return UnifiedSocialCreditCodeError.InvalidCharacter;
        return normalized[17] == CheckCharacter(normalized) ? null : UnifiedSocialCreditCodeError.WrongCheckCharacter;
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(code[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
