namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// Which cell number formats show a number as a date or time, judged by the format itself, never by the style's index
/// (a program re-saving a workbook renumbers its styles and custom formats): the built-in formats 14-22 and 45-47, and a
/// custom format code whose first section has a <c>y</c>, <c>m</c>, <c>d</c>, <c>h</c> or <c>s</c> outside quoted
/// text, <c>[...]</c> brackets and backslash-escaped characters (<c>yyyy\-mm\-dd\ hh:mm:ss</c> is one, <c>0.00</c> and
/// <c>"days" 0</c> are not). openpyxl decides the same way, so it reads these cells as dates.
/// </summary>
public static class ExportNumberFormats
{
    public static bool IsBuiltInDateTime(uint numberFormatId) => numberFormatId is >= 14 and <= 22 or >= 45 and <= 47;

    public static bool IsDateTimeCode(string code)
    {
        var quoted = false;
        var bracketed = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted) quoted = c != '"';
            else if (bracketed) bracketed = c != ']';
            else if (c == ';') return false;
            else if (c == '"') quoted = true;
            else if (c == '[') bracketed = true;
            else if (c == '\\') i++;
            else if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's') return true;
        }
        return false;
    }
}
