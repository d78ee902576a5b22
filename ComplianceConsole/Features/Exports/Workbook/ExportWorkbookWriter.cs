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

/// <summary>
/// What a workbook holds besides its rows: the cover lines (the digest, row count and signature lines carry
/// <see cref="ExportWorkbookWriter.DigestPlaceholder"/>, <see cref="ExportWorkbookWriter.RowCountPlaceholder"/> and
/// <see cref="ExportWorkbookWriter.SignaturePlaceholder"/>), the columns and their bilingual headers.
/// </summary>
public sealed record ExportWorkbookContent(
    string Title, string Author, DateTime GeneratedAtUtc, IReadOnlyList<ExportCoverLine> Cover, IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<string> Headers, long RowUpperBound, int RowsPerSheet);

/// <summary>What was written: the rows, the data digest, and the cover text (<see cref="ExportCoverText"/>) with its signature (base64 of DER).</summary>
public sealed record ExportWorkbookWritten(long Rows, int DataSheets, string DataDigest, string CoverText, string Signature);

/// <summary>
/// Streams an export into an .xlsx with SpreadCheetah (no workbook in memory): the cover sheet first, then data sheets
/// of at most <see cref="ExportWorkbookContent.RowsPerSheet"/> rows each, with the data digest computed on the way.
/// The zip goes out through <see cref="DeterministicZipStream"/>, which makes the file's bytes depend on its content alone and,
/// once the last row is written, fills the digest and the row count into the cover, then the signature over the finished cover text.
/// </summary>
public static partial class ExportWorkbookWriter
{
    public const string CoverSheetName = "说明 About";
    public const string DataSheetName = "数据 Data";

    /// <summary>Stands in for the digest on the cover until the last row is written; exactly as long as a SHA-256 in hex.</summary>
    public const string DigestPlaceholder = "digest-pending-digest-pending-digest-pending-digest-pending-0000";

    public const string RowCountPlaceholder = "row-count-pending";

    /// <summary>Stands in for the signature, which is over the cover with every other value final.</summary>
    public const string SignaturePlaceholder = "signature-pending";

    private const string CoverEntry = "xl/worksheets/sheet1.xml", CorePropertiesEntry = "docProps/core.xml";
    private const int ProgressEvery = 10_000;

    public static string DataSheetNameOf(int number) => number == 1 ? DataSheetName : $"{DataSheetName} {number}";

    public static async Task<ExportWorkbookWritten> WriteAsync(ExportWorkbookContent content, IAsyncEnumerable<object?[]> rows, Stream destination,
        Signing.ExportSigner signer, Func<long, Task>? progress, CancellationToken cancellationToken)
    {
        var signatureLabel = content.Cover.SingleOrDefault(l => l.Value == SignaturePlaceholder)?.Label
            ?? throw new InvalidOperationException("The cover has no signature placeholder.");
        await using var zip = new DeterministicZipStream(destination, new HashSet<string> { CoverEntry, CorePropertiesEntry });
        var data = await WriteSpreadsheetAsync(content, rows, zip, progress, cancellationToken);
        string Final(string text) => text
            .Replace(DigestPlaceholder, data.DataDigest, StringComparison.Ordinal)
            .Replace(RowCountPlaceholder, data.Rows.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var coverText = ExportCoverText.Of(CoverCells(content).Select(l => l with { Value = Final(l.Value) }), signatureLabel);
        var signature = signer.SignText(coverText);

        var createdAt = content.GeneratedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await zip.FinishAsync(new Dictionary<string, Func<string, string>>
        {
            [CoverEntry] = xml => new[] { DigestPlaceholder, RowCountPlaceholder, SignaturePlaceholder }.All(p => xml.Contains(p, StringComparison.Ordinal))
                ? Final(xml).Replace(SignaturePlaceholder, signature, StringComparison.Ordinal)
                : throw new InvalidOperationException("The cover sheet lacks the digest, row count or signature placeholder."),
            [CorePropertiesEntry] = xml => CreatedElement().Replace(xml, $"${{open}}{createdAt}${{close}}"),
        }, cancellationToken);
        return new ExportWorkbookWritten(data.Rows, data.DataSheets, data.DataDigest, coverText, signature);
    }

    /// <summary>The cover sheet's rows as their cells hold them: the title (with an empty value), then each line.</summary>
    private static IEnumerable<ExportCoverLine> CoverCells(ExportWorkbookContent content) =>
        content.Cover.Select(l => l with { Value = ExportCellText.Prepare(l.Value) }).Prepend(new ExportCoverLine(content.Title, ""));

    private static async Task<(long Rows, int DataSheets, string DataDigest)> WriteSpreadsheetAsync(ExportWorkbookContent content, IAsyncEnumerable<object?[]> rows,
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
        return (total, sheets, digest.Finish());
    }

    private static async Task WriteCoverAsync(Spreadsheet spreadsheet, Styles styles, ExportWorkbookContent content, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions();
        options.Column(1).Width = 36;
        options.Column(2).Width = 110;
        await spreadsheet.StartWorksheetAsync(CoverSheetName, options, cancellationToken);
        foreach (var (index, line) in CoverCells(content).Index())
        {
            await spreadsheet.AddRowAsync(index == 0
                ? [new Cell(line.Label, styles.Header)]
                : [new Cell(line.Label, styles.Header), new Cell(line.Value, styles.Wrapped)], cancellationToken);
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
                var china = ChinaTime.FromUtc(new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
                digest.AddCell(ExportDigest.DateTime(china));
                return new Cell(china.ToOADate(), styles.DateTime);
            case DateOnly day:
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                digest.AddCell(ExportDigest.DateTime(midnight));
                return new Cell(midnight.ToOADate(), styles.Date);
            // A code is text even when a source hands over a number: an ID must never become 1.10105E+17.
            case var _ when value is string || type == ExportCellType.Code:
                var prepared = ExportCellText.Prepare(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                digest.AddCell(prepared);
                return new Cell(prepared, type == ExportCellType.Code ? styles.Code : styles.Text);
            default:
                var number = ExportDigest.Rounded(Convert.ToDouble(value, CultureInfo.InvariantCulture));
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
        public StyleId Date { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        public StyleId Integer { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces) });
        public StyleId Number { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.00") });
    }

    [GeneratedRegex("(?<open><dcterms:created[^>]*>)[^<]*(?<close></dcterms:created>)")]
    private static partial Regex CreatedElement();
}
