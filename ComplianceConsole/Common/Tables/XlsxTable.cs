using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceConsole.Security.Files;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceConsole.Common.Tables;

/// <summary>
/// The first worksheet of an .xlsx workbook, read row by row as the file is parsed (never the whole sheet in memory, so a
/// sheet of a million rows costs one row at a time until the row limit stops it). The header is the first row with text.
/// </summary>
internal sealed partial class XlsxTable : ImportTable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly int _headerRow;

    public XlsxTable(byte[] content, FileLimitsOptions limits) : base(limits)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        var workbook = _document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheets.");
        _sheet = first.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part ? part : throw new InvalidDataException("No worksheet part.");
        _sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
        foreach (var (number, cells) in SheetRows())
        {
            var width = Array.FindLastIndex(cells, c => c.Length > 0) + 1;
            if (width == 0) continue;
            (_headerRow, Headers) = (number, cells[..width]);
            break;
        }
        Headers ??= [];
    }

    public override IReadOnlyList<string> Headers { get; }

    protected override IEnumerable<(int RowNumber, string[] Cells)> ReadRows()
    {
        foreach (var (number, cells) in SheetRows())
        {
            if (number <= _headerRow) continue;
            var row = Enumerable.Range(0, Headers.Count).Select(i => i < cells.Length ? cells[i] : "").ToArray();
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            yield return (number, row);
        }
    }

    /// <summary>Each row that is in the file, with its number and its cells' text by column (a gap is an empty cell).</summary>
    private IEnumerable<(int Number, string[] Cells)> SheetRows()
    {
        using var reader = OpenXmlReader.Create(_sheet);
        var expected = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int?)row.RowIndex?.Value ?? expected;
            expected = number + 1;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? Common.CellReferences.ColumnIndex(reference) : cells.Count;
                while (cells.Count < column) cells.Add("");
                if (cells.Count == column) cells.Add(Text(cell));
            }
            yield return (number, [.. cells]);
        }
    }

    // Identifiers typed into Excel may have become numbers; read them back without exponent or separators.
    private string Text(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _sharedStrings.Length ? _sharedStrings[i].Trim() : "";
        }
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText.Trim() ?? "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if ((type is null || type == CellValues.Number) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return cell.StyleIndex?.Value is { } style && style < _dateStyles.Length && _dateStyles[style] && number is >= -657435 and < 2958466
                ? DateTime.FromOADate(number).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : number.ToString("0.##########", CultureInfo.InvariantCulture);
        }
        return raw?.Trim() ?? "";
    }

    /// <summary>For each cell style, whether it shows a number as a date or time.</summary>
    private static bool[] DateStyles(Stylesheet? stylesheet)
    {
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id) custom[id] = format.FormatCode?.Value ?? "";
        }
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && (custom.TryGetValue(id, out var code) ? IsDateCode(code) : IsBuiltInDate(id)))
            .ToArray() ?? [];
    }

    // Excel's built-in date and time formats, with the East Asian ones (27-36, 50-58) a Chinese Excel uses.
    private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    // Quoted text, [colour] or [$-locale] parts and escaped characters say nothing about dates.
    private static bool IsDateCode(string code) => DateTokens().IsMatch(NotFormatting().Replace(code, ""));

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.")]
    private static partial Regex NotFormatting();

    [GeneratedRegex("[ymdhsYMDHS]")]
    private static partial Regex DateTokens();

    public override void Dispose() => _document.Dispose();
}
