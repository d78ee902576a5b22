using System.Globalization;

namespace ComplianceConsole.Identifiers;

public enum ResidentIdNumberError { Empty, WrongLength, InvalidCharacter, UnknownProvince, InvalidBirthDate, BirthDateInFuture, WrongCheckDigit }

/// <summary>The 18-character citizen identity number of GB 11643-1999 (MOD 11-2 check digit, which may be X).</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    // Province-level codes of GB/T 2260, plus 71/81/82/83 (Taiwan, Hong Kong, Macao residents' permits).
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    /// <summary>Checks a number after <see cref="IdentifierText.Normalize"/>; null when valid.</summary>
    public static ResidentIdNumberError? Validate(string normalized, DateOnly today)
    {
        if (normalized.Length == 0) return ResidentIdNumberError.Empty;
        if (normalized.Length != 18) return ResidentIdNumberError.WrongLength;
        if (!normalized[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(normalized[17]) || normalized[17] == 'X'))
            return ResidentIdNumberError.InvalidCharacter;
        if (!Provinces.Contains(normalized[..2])) return ResidentIdNumberError.UnknownProvince;
        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1850)
            return ResidentIdNumberError.InvalidBirthDate;
        if (birth > today) return ResidentIdNumberError.BirthDateInFuture;
        return normalized[17] == CheckDigit(normalized) ? null : ResidentIdNumberError.WrongCheckDigit;
    }

    public static char CheckDigit(ReadOnlySpan<char> number)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (number[i] - '0') * Weights[i];
        return CheckDigits[sum % 11];
    }
}
