using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>What a workbook says about itself: the digest its cover states (if it has one) and the digest its data sheets give now.</summary>
public sealed record ExportWorkbookDigests(string? CoverDigest, string DataDigest, long Rows);

/// <summary>
/// Recomputes a workbook's data digest as <see cref="ExportDigest"/> defines it, from the workbook alone, row by row
/// (never the whole sheet in memory). It reads what the cells hold, so a file re-saved by a spreadsheet program with
/// the same data gives the same digest.
/// </summary>
public static class ExportWorkbookReader
{
    /// <summary>Reads the workbook; throws <see cref="InvalidDataException"/> when the stream is not an .xlsx workbook.</summary>
    public static ExportWorkbookDigests Read(Stream xlsx, string digestLabel)
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
            var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];

            string? coverDigest = null;
            foreach (var row in Rows(PartOf(workbook, sheets[0]), sharedStrings, columns: 2))
            {
                if (row[0] == digestLabel) coverDigest = row[1];
            }

            using var digest = new ExportDigest();
            long rows = 0;
            foreach (var sheet in sheets.Skip(1))
            {
                var part = PartOf(workbook, sheet);
                var width = Rows(part, sharedStrings, columns: null).FirstOrDefault()?.Length ?? 0;
                foreach (var row in Rows(part, sharedStrings, width).Skip(1))
                {
                    foreach (var cell in row) digest.AddCell(cell);
                    digest.EndRow();
                    rows++;
                }
            }
            return new ExportWorkbookDigests(coverDigest, digest.Finish(), rows);
        }
    }

    private static WorksheetPart PartOf(WorkbookPart workbook, Sheet sheet) =>
        sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part ? part : throw new InvalidDataException("A sheet has no worksheet part.");

    /// <summary>Each row's cell texts, canonical; a row missing from the file (a gap in row numbers) reads as empty cells.</summary>
    private static IEnumerable<string[]> Rows(WorksheetPart part, string[] sharedStrings, int? columns)
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

            var cells = row.Elements<Cell>().ToList();
            var values = new List<string>();
            var next = 0;
            foreach (var cell in cells)
            {
                var at = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                while (values.Count < at) values.Add("");
                values.Add(Canonical(cell, sharedStrings));
                next = at + 1;
            }
            var width = columns ?? values.Count;
            while (values.Count < width) values.Add("");
            yield return values.Take(width).ToArray();
        }
    }

    private static string Canonical(Cell cell, string[] sharedStrings)
    {
        if (cell.CellFormula is { } formula) return "=" + formula.Text;
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : "";
        }
        if (type is null || type == CellValues.Number)
        {
            return raw is null or "" ? "" : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? ExportDigest.Number(number) : raw;
        }
        return raw ?? "";
    }

    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column - 1;
    }
}
