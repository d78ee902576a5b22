namespace ComplianceConsole.Identifiers;

public enum MobileNumberError { Empty, NotMainlandMobile }

/// <summary>A mainland China mobile number: 11 digits starting 13–19, with an optional +86 / 0086 prefix.</summary>
public static class MobileNumber
{
    /// <summary>The 11-digit number without country prefix or separators.</summary>
    public static string Canonical(string normalized)
    {
        var digits = normalized.Replace("-", "");
        if (digits.StartsWith("+86", StringComparison.Ordinal)) return digits[3..];
        if (digits.StartsWith("0086", StringComparison.Ordinal)) return digits[4..];
        return digits;
    }

    public static MobileNumberError? Validate(string canonical)
    {
        if (canonical.Length == 0) return MobileNumberError.Empty;
        return canonical.Length == 11 && canonical[0] == '1' && canonical[1] is >= '3' and <= '9' && canonical.All(char.IsAsciiDigit)
            ? null
            : MobileNumberError.NotMainlandMobile;
    }
}
