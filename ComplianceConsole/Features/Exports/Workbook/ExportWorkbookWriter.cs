using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceConsole.Localization;
using SpreadCheetah;
using SpreadCheetah.Metadata;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>One line of the cover sheet: a bilingual label ("中文 / English") and its value.</summary>
public sealed record ExportCoverLine(string Label, string Value);

/// <summary>What a workbook holds besides its rows: the cover lines (the digest line carries <see cref="ExportWorkbookWriter.DigestPlaceholder"/>), the columns and their bilingual headers.</summary>
public sealed record ExportWorkbookContent(
    string Title, string Author, DateTime GeneratedAtUtc, IReadOnlyList<ExportCoverLine> Cover, IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<string> Headers, long RowUpperBound, int RowsPerSheet);

public sealed record ExportWorkbookWritten(long Rows, int DataSheets, string DataDigest);

/// <summary>
/// Streams an export into an .xlsx with SpreadCheetah (no workbook in memory): the cover sheet first, then data sheets
/// of at most <see cref="ExportWorkbookContent.RowsPerSheet"/> rows each, with the data digest computed on the way and
/// filled into the cover by <see cref="DeterministicZip"/>, which also makes the file's bytes depend on its content alone.
/// </summary>
public static partial class ExportWorkbookWriter
{
    public const string CoverSheetName = "说明 About";
    public const string DataSheetName = "数据 Data";

    /// <summary>Stands in for the digest on the cover until the last row is written; exactly as long as a SHA-256 in hex.</summary>
    public const string DigestPlaceholder = "digest-pending-digest-pending-digest-pending-digest-pending-0000";

    private const string CoverEntry = "xl/worksheets/sheet1.xml", CorePropertiesEntry = "docProps/core.xml";
    private const int ProgressEvery = 10_000;

    public static string DataSheetNameOf(int number) => number == 1 ? DataSheetName : $"{DataSheetName} {number}";

    public static async Task<ExportWorkbookWritten> WriteAsync(ExportWorkbookContent content, IAsyncEnumerable<object?[]> rows, Stream destination,
        string scratchPath, Func<long, Task>? progress, CancellationToken cancellationToken)
    {
        try
        {
            ExportWorkbookWritten written;
            await using (var scratch = Security.Pii.EncryptedFiles.CreateOwnerOnly(scratchPath, FileMode.Create))
            {
                written = await WriteSpreadsheetAsync(content, rows, scratch, progress, cancellationToken);
            }
            await using var source = new FileStream(scratchPath, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.SequentialScan);
            var createdAt = content.GeneratedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            await DeterministicZip.RewriteAsync(source, destination, new Dictionary<string, Func<string, string>>
            {
                [CoverEntry] = xml => xml.Contains(DigestPlaceholder, StringComparison.Ordinal)
                    ? xml.Replace(DigestPlaceholder, written.DataDigest, StringComparison.Ordinal)
                    : throw new InvalidOperationException("The cover sheet has no digest placeholder."),
                [CorePropertiesEntry] = xml => CreatedElement().Replace(xml, $"${{open}}{createdAt}${{close}}"),
            }, cancellationToken);
            return written;
        }
        finally
        {
            File.Delete(scratchPath);
        }
    }

    private static async Task<ExportWorkbookWritten> WriteSpreadsheetAsync(ExportWorkbookContent content, IAsyncEnumerable<object?[]> rows,
        Stream output, Func<long, Task>? progress, CancellationToken cancellationToken)
    {
        var options = new SpreadCheetahOptions
        {
            BufferSize = 1 << 16,
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
            // Every cell says where it is, so a reader (or a program re-saving the file) never shifts a value into an empty cell's place.
            WriteCellReferenceAttributes = true,
            DocumentProperties = new DocumentProperties { Title = content.Title, Author = content.Author },
        };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, cancellationToken);
        var styles = new Styles(spreadsheet);
        await WriteCoverAsync(spreadsheet, styles, content, cancellationToken);

        using var digest = new ExportDigest();
        var columns = content.Columns;
        var cells = new Cell[columns.Count];
        long total = 0;
        var inSheet = content.RowsPerSheet;
        var sheets = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (inSheet == content.RowsPerSheet)
            {
                sheets++;
                await StartDataSheetAsync(spreadsheet, styles, content, sheets, Math.Max(1, content.RowUpperBound - total), cancellationToken);
                inSheet = 0;
            }
            for (var i = 0; i < cells.Length; i++) cells[i] = CellOf(columns[i].Type, i < row.Length ? row[i] : null, styles, digest);
            digest.EndRow();
            await spreadsheet.AddRowAsync(cells, cancellationToken);
            inSheet++;
            if (++total % ProgressEvery == 0 && progress is not null) await progress(total);
        }
        if (sheets == 0)
        {
            sheets = 1;
            await StartDataSheetAsync(spreadsheet, styles, content, 1, 1, cancellationToken);
        }
        await spreadsheet.FinishAsync(cancellationToken);
        return new ExportWorkbookWritten(total, sheets, digest.Finish());
    }

    private static async Task WriteCoverAsync(Spreadsheet spreadsheet, Styles styles, ExportWorkbookContent content, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions();
        options.Column(1).Width = 36;
        options.Column(2).Width = 110;
        await spreadsheet.StartWorksheetAsync(CoverSheetName, options, cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(content.Title, styles.Header)], cancellationToken);
        foreach (var line in content.Cover)
        {
            await spreadsheet.AddRowAsync([new Cell(line.Label, styles.Header), new Cell(ExportCellText.Prepare(line.Value), styles.Wrapped)], cancellationToken);
        }
    }

    private static async Task StartDataSheetAsync(Spreadsheet spreadsheet, Styles styles, ExportWorkbookContent content, int number, long rowsLeft,
        CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < content.Columns.Count; i++) options.Column(i + 1).Width = content.Columns[i].Width;
        var lastRow = 1 + Math.Min(content.RowsPerSheet, rowsLeft);
        options.AutoFilter = new AutoFilterOptions($"A1:{ColumnLetters(content.Columns.Count)}{lastRow}");
        await spreadsheet.StartWorksheetAsync(DataSheetNameOf(number), options, cancellationToken);
        await spreadsheet.AddHeaderRowAsync(content.Headers.ToArray(), styles.Header, cancellationToken);
    }

    private static Cell CellOf(ExportCellType type, object? value, Styles styles, ExportDigest digest)
    {
        switch (value)
        {
            case null:
                digest.AddCell("");
                return new Cell((string?)null);
            case DateTime utc:
                var serial = ChinaTime.FromUtc(new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc)).ToOADate();
                digest.AddCell(ExportDigest.Number(serial));
                return new Cell(serial, styles.DateTime);
            // A code is text even when a source hands over a number: an ID must never become 1.10105E+17.
            case var _ when value is string || type == ExportCellType.Code:
                var prepared = ExportCellText.Prepare(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                digest.AddCell(prepared);
                return new Cell(prepared, type == ExportCellType.Code ? styles.Code : styles.Text);
            default:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                digest.AddCell(ExportDigest.Number(number));
                return new Cell(number, type == ExportCellType.Integer ? styles.Integer : styles.Number);
        }
    }

    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    private sealed class Styles(Spreadsheet spreadsheet)
    {
        public StyleId Header { get; } = spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = System.Drawing.Color.FromArgb(0xE8, 0xEE, 0xF4) },
            Alignment = { WrapText = true, Vertical = VerticalAlignment.Top },
        });

        public StyleId Wrapped { get; } = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
        public StyleId Text { get; } = spreadsheet.AddStyle(new Style { Alignment = { Vertical = VerticalAlignment.Top } });

        // "@" keeps an identifier text when someone edits the cell: an 18-digit ID must never become 1.10105E+17.
        public StyleId Code { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
        public StyleId DateTime { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });
        public StyleId Integer { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces) });
        public StyleId Number { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.00") });
    }

    [GeneratedRegex("(?<open><dcterms:created[^>]*>)[^<]*(?<close></dcterms:created>)")]
    private static partial Regex CreatedElement();
}
