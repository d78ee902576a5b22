namespace ComplianceConsole.Common.Tables;

/// <summary>A line of an import's error report, a CSV file the person who uploaded downloads and opens in a spreadsheet.</summary>
public static class ImportReportCsv
{
    // A header from the uploaded file could begin like a formula; a leading apostrophe keeps a spreadsheet from running it.
    public static string Line(params string[] cells) =>
        string.Join(',', cells.Select(cell => "\"" + (cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) ? "'" + cell : cell).Replace("\"", "\"\"") + "\""));
}
