namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>
/// What the platform sends about its users, and how it is read wherever it arrives (verifications, content, appeals, consents):
/// the lengths of ids and names, the times it may report, free text and real names as stored.
/// </summary>
public static class PlatformInput
{
    public const int MaxExternalIdLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const int MaxRealNameLength = 100;

    /// <summary>
    /// The earliest time a submission may give. Nothing the platform reports can predate 2000: the Provisions date from
    /// 2022, mobile real-name registration from 2010, and older times are typing or default-value mistakes (1900-01-01).
    /// </summary>
    public static readonly DateTime EarliestSubmittedAtUtc = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far a submission time may be ahead of this server's clock: the platform's clock may run a little fast.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Free text (display names): trimmed, inner runs of white space, full-width U+3000 included, as one space.</summary>
    public static string NormalizeText(string? raw) =>
        string.Join(' ', (raw ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Real names: as <see cref="NormalizeText"/>, and a space between two Chinese characters dropped, because
    /// two-character names are often padded to the width of three with a full-width space (<c>王　五</c> is 王五).
    /// Spaces between Latin words stay (<c>John Smith</c>).
    /// </summary>
    public static string NormalizeName(string? raw)
    {
        var text = NormalizeText(raw);
        var name = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && IsHan(text[i - 1]) && IsHan(text[i + 1])) continue; // NormalizeText leaves no space at either end
            name.Append(text[i]);
        }
        return name.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
