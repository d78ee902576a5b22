using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>What a workbook says about itself: its cover's rows (label and value as its cells hold them), and the digest and row count its data sheets give now.</summary>
public sealed record ExportWorkbookRead(IReadOnlyList<ExportCoverLine> Cover, string DataDigest, long Rows)
{
    /// <summary>The value of the first cover row with this label, if any.</summary>
    public string? CoverValue(string label) => Cover.FirstOrDefault(l => l.Label == label)?.Value;
}

/// <summary>
/// Reads a workbook's cover rows and recomputes its data digest as <see cref="ExportDigest"/> defines it, from the
/// workbook alone, row by row (never the whole sheet in memory). It reads what the cells hold and how their formats show
/// them (a date-time by its format code), so a file re-saved by a spreadsheet program with the same data gives the same
/// cover text and digest.
/// </summary>
public static class ExportWorkbookReader
{
    /// <summary>Reads the workbook; throws <see cref="InvalidDataException"/> when the stream is not an .xlsx workbook.</summary>
    public static ExportWorkbookRead Read(Stream xlsx)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(xlsx, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new InvalidDataException("Not an .xlsx workbook.", e);
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
            var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (sheets.Count == 0) throw new InvalidDataException("No sheets.");
            var cells = new CellReader(
                workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [],
                DateTimeFormattedStyles(workbook.WorkbookStylesPart?.Stylesheet));
            var cover = Rows(PartOf(workbook, sheets[0]), cells, columns: 2).Select(row => new ExportCoverLine(row[0], row[1])).ToList();

            using var digest = new ExportDigest();
            long rows = 0;
            foreach (var sheet in sheets.Skip(1))
            {
                var part = PartOf(workbook, sheet);
                var width = Rows(part, cells, columns: null).FirstOrDefault()?.Length ?? 0;
                foreach (var row in Rows(part, cells, width).Skip(1))
                {
                    foreach (var cell in row) digest.AddCell(cell);
                    digest.EndRow();
                    rows++;
                }
            }
            return new ExportWorkbookRead(cover, digest.Finish(), rows);
        }
    }

    private static WorksheetPart PartOf(WorkbookPart workbook, Sheet sheet) =>
        sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part ? part : throw new InvalidDataException("A sheet has no worksheet part.");

    /// <summary>Each row's cell texts, canonical; a row missing from the file (a gap in row numbers) reads as empty cells.</summary>
    private static IEnumerable<string[]> Rows(WorksheetPart part, CellReader cells, int? columns)
    {
        using var reader = OpenXmlReader.Create(part);
        uint expectedRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var index = row.RowIndex?.Value ?? expectedRow;
            for (; expectedRow < index; expectedRow++) yield return new string[columns ?? 0].Select(_ => "").ToArray();
            expectedRow = index + 1;

            var values = new List<string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var at = cell.CellReference?.Value is { } reference ? Common.CellReferences.ColumnIndex(reference) : next;
                while (values.Count < at) values.Add("");
                values.Add(cells.Canonical(cell));
                next = at + 1;
            }
            var width = columns ?? values.Count;
            while (values.Count < width) values.Add("");
            yield return values.Take(width).ToArray();
        }
    }

    /// <summary>For each cell style (by index), whether its number format shows a date or time.</summary>
    private static bool[] DateTimeFormattedStyles(Stylesheet? styles)
    {
        var codes = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        return styles?.CellFormats?.Elements<CellFormat>().Select(format => format.NumberFormatId?.Value is { } id
            && (codes.TryGetValue(id, out var code) ? ExportNumberFormats.IsDateTimeCode(code) : ExportNumberFormats.IsBuiltInDateTime(id))).ToArray() ?? [];
    }

    /// <summary>A cell's canonical text (<see cref="ExportDigest"/>), with the workbook's shared strings and date-time styles at hand.</summary>
    private sealed class CellReader(string[] sharedStrings, bool[] dateTimeStyles)
    {
        public string Canonical(Cell cell)
        {
            if (cell.CellFormula is { } formula) return "=" + formula.Text;
            var raw = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
            if (type == CellValues.SharedString)
            {
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : "";
            }
            if (type == CellValues.Date)
            {
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? ExportDigest.DateTimeOfSerial(date.ToOADate()) : raw ?? "";
            }
            if (type is null || type == CellValues.Number)
            {
                if (raw is null or "" || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw ?? "";
                var style = cell.StyleIndex?.Value;
                return style < dateTimeStyles.Length && dateTimeStyles[(int)style.Value] ? ExportDigest.DateTimeOfSerial(number) : ExportDigest.Number(number);
            }
            return raw ?? "";
        }
    }
}
