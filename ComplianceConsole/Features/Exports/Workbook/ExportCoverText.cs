using System.Text;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// The text a cover's signature is over: every row of the cover sheet, top to bottom, except the signature's own row,
/// each as its first cell (the label) and its second (the value) as written in the cells, joined by U+001F and ended by
/// U+001E; signed as UTF-8. The title row is its title and an empty value. Cell texts are read as the data digest reads
/// text (<see cref="ExportDigest"/>), so a re-saved cover gives the same text.
/// </summary>
public static class ExportCoverText
{
    public static string Of(IEnumerable<ExportCoverLine> rows, string signatureLabel)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Where(r => r.Label != signatureLabel))
        {
            text.Append(row.Label).Append(ExportDigest.CellSeparator).Append(row.Value).Append(ExportDigest.RowTerminator);
        }
        return text.ToString();
    }

    /// <summary>The labels whose values differ between two cover texts (a label missing from one counts as differing).</summary>
    public static IReadOnlyList<string> DifferingLabels(string coverText, string otherCoverText)
    {
        var mine = Lines(coverText);
        var theirs = Lines(otherCoverText);
        return mine.Select(l => l.Label).Union(theirs.Select(l => l.Label))
            .Where(label => mine.FirstOrDefault(l => l.Label == label)?.Value != theirs.FirstOrDefault(l => l.Label == label)?.Value)
            .ToList();
    }

    private static List<ExportCoverLine> Lines(string coverText) =>
        coverText.Split(ExportDigest.RowTerminator, StringSplitOptions.RemoveEmptyEntries)
            .Select(row => row.Split(ExportDigest.CellSeparator, 2))
            .Select(cells => new ExportCoverLine(cells[0], cells.Length > 1 ? cells[1] : ""))
            .ToList();
}
