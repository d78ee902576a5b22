namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// How a text value is written into a cell so the workbook is safe to open, reads back as written and fits Excel's
/// limits: characters XML cannot hold become U+FFFD; line breaks become line feeds (an XML reader turns a carriage
/// return in a cell's text into a line feed, so the text read back, and the digest and signature over it, would
/// differ); a value that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> or tab gets a leading apostrophe
/// (<c>'</c>), so no spreadsheet program reads it as a formula; a value longer than 32,767 characters (Excel's cell
/// limit) is cut and ends with <see cref="TruncationMarker"/>.
/// </summary>
public static class ExportCellText
{
    public const int MaxCellLength = 32_767;
    public const string TruncationMarker = "…[已截断 / truncated]";
    public const char NeutralisingPrefix = '\'';

    public static string Prepare(string value)
    {
        var text = WithoutXmlInvalidCharacters(value).ReplaceLineEndings("\n");
        if (text.Length > 0 && IsFormulaTrigger(text[0])) text = NeutralisingPrefix + text;
        return text.Length > MaxCellLength ? string.Concat(text.AsSpan(0, MaxCellLength - TruncationMarker.Length), TruncationMarker) : text;
    }

    private static bool IsFormulaTrigger(char first) => first is '=' or '+' or '-' or '@' or '\t';

    private static string WithoutXmlInvalidCharacters(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(ValidXmlCharacters)) return value;
        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                var valid = ValidXmlCharacters.Contains(c) && !(char.IsHighSurrogate(c) && (i + 1 >= source.Length || !char.IsLowSurrogate(source[i + 1])))
                    && !(char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(source[i - 1])));
                span[i] = valid ? c : '\uFFFD';
            }
        });
    }

    // XML 1.0 characters: tab, line feed, carriage return and everything from space up, less U+FFFE and U+FFFF.
    private static readonly System.Buffers.SearchValues<char> ValidXmlCharacters = System.Buffers.SearchValues.Create(
        "\t\n\r" + string.Concat(Enumerable.Range(0x20, 0xFFFE - 0x20).Select(c => (char)c)));
}
