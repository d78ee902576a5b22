using System.Text.RegularExpressions;

namespace ComplianceConsole.Identifiers;

/// <summary>
/// Masks the identifiers people write into free text (a complaint, a note, an appeal) the way the structured fields are masked:
/// resident ID numbers and unified social credit codes that pass their check character, mainland mobile numbers as people type
/// them (+86 138 0013 8000, 138-0013-8000, in full-width digits too) and e-mail addresses. A number inside a longer run of digits (an order number) is
/// left alone: an identifier counts only where no digit touches it.
/// </summary>
public static class FreeTextMasking
{
    // Linear-time matching whatever the text: no pattern here can backtrack.
    private const RegexOptions Safe = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly Regex EmailAddress = new(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", Safe);
    // Chinese input methods type full-width digits and letters as readily as half-width ones.
    private static readonly Regex DigitRun = new("[0-9０-９]+[XxＸｘ]?", Safe);
    private static readonly Regex AlphanumericRun = new("[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+", Safe);
    private static readonly Regex MobileNumber = new(@"(([+＋]|00|００)?[8８][6６][ \-　－]?)?[1１][3-9３-９][0-9０-９]([ \-　－]?[0-9０-９]){8}", Safe);

    public static string Mask(string text)
    {
        if (!MayHoldIdentifier(text)) return text;
        text = EmailAddress.Replace(text, m => Masking.Email(m.Value));
        text = DigitRun.Replace(text, m => IsResidentId(m.Value) ? Masking.ResidentId(m.Value) : m.Value);
        text = AlphanumericRun.Replace(text, m => IsCreditCode(m.Value) ? Masking.CreditCode(m.Value) : m.Value);
        return MaskMobiles(text);
    }

    /// <summary>The text as the reader may see it: as written when they may see personal data, masked otherwise.</summary>
    public static string? For(string? text, bool revealed) => text is null || revealed ? text : Mask(text);

    private static bool MayHoldIdentifier(string text) => text.AsSpan().IndexOfAny("0123456789０１２３４５６７８９@") >= 0;

    private static bool IsResidentId(string run) =>
        run.Length == 18 && IdentifierText.Normalize(run) is var number && number[17] == ResidentIdNumber.CheckDigit(number);

    private static bool IsCreditCode(string run) =>
        run.Length == 18 && UnifiedSocialCreditCode.Validate(IdentifierText.Normalize(run)) is null;

    /// <summary>
    /// A candidate touching a digit is part of a longer number; the search goes on from its next character, not past it, because
    /// spaces and dashes let a candidate swallow the start of a real number ("1386 138 0013 8000").
    /// </summary>
    private static string MaskMobiles(string text)
    {
        var masked = new System.Text.StringBuilder(text.Length);
        var (copied, from) = (0, 0);
        while (from < text.Length && MobileNumber.Match(text, from) is { Success: true } match)
        {
            if (!StandsAlone(text, match))
            {
                from = match.Index + 1;
                continue;
            }
            masked.Append(text, copied, match.Index - copied).Append(Masking.Mobile(Digits(match.Value)[^11..]));
            copied = from = match.Index + match.Length;
        }
        return copied == 0 ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool StandsAlone(string text, Match match)
    {
        var end = match.Index + match.Length;
        return (match.Index == 0 || !IsDigit(text[match.Index - 1])) && (end == text.Length || !IsDigit(text[end]));
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static string Digits(string value) => string.Concat(IdentifierText.Normalize(value).Where(char.IsAsciiDigit));
}
