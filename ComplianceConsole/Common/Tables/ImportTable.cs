using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ComplianceConsole.Security.Files;

namespace ComplianceConsole.Common.Tables;

/// <summary>
/// An uploaded table read row by row: its header and its data rows as text (dates from spreadsheets as ISO text), within the
/// <see cref="FileLimitsOptions"/>: a workbook is inspected by <see cref="SafeZip"/> before it is opened, and reading stops with a
/// <see cref="FileLimitException"/> at the first row past the limit or the first cell that is too long.
/// </summary>
public abstract class ImportTable(FileLimitsOptions limits) : IDisposable
{
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>Data rows with their 1-based row number in the file (the header is row 1).</summary>
    public IEnumerable<(int RowNumber, string[] Cells)> Rows()
    {
        var count = 0;
        foreach (var row in ReadRows())
        {
            if (++count > limits.MaxRows) throw new FileLimitException("Upload.TooManyRows");
            if (row.Cells.Any(c => c.Length > limits.MaxCellLength)) throw new FileLimitException("Upload.CellTooLong");
            yield return row;
        }
    }

    protected abstract IEnumerable<(int RowNumber, string[] Cells)> ReadRows();

    /// <summary>How the file's text was decoded (for CSV), for the preview.</summary>
    public virtual string? EncodingName => null;

    public abstract void Dispose();

    /// <summary>Reads a decrypted upload: .xlsx as a workbook, anything else as CSV text.</summary>
    public static ImportTable Open(byte[] content, string extension, FileLimitsOptions limits)
    {
        if (!extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) return new CsvTable(content, limits);
        var inspection = SafeZip.Inspect(new MemoryStream(content, writable: false), limits);
        return inspection.Accepted ? new XlsxTable(content, limits) : throw new FileLimitException(inspection.RefusalKey!);
    }

    /// <summary>The errors that mean the file is not a table this importer can read (as opposed to a fault of the app).</summary>
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or IOException or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or CsvHelper.CsvHelperException or FormatException or ArgumentException or InvalidOperationException;
}

/// <summary>
/// CSV in UTF-8 (with or without a byte-order mark) or GB18030, which Chinese spreadsheet programs commonly save:
/// text that is not valid UTF-8 is read as GB18030.
/// </summary>
internal sealed class CsvTable : ImportTable
{
    private readonly byte[] _content;
    private readonly Encoding _encoding;

    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvTable(byte[] content, FileLimitsOptions limits) : base(limits)
    {
        _content = content;
        _encoding = Detect(content);
        using var csv = Reader();
        csv.Read();
        csv.ReadHeader();
        Headers = csv.HeaderRecord?.Select(h => h.Trim()).ToArray() ?? [];
    }

    public override IReadOnlyList<string> Headers { get; }

    public override string EncodingName => _encoding is UTF8Encoding ? "UTF-8" : "GB18030";

    protected override IEnumerable<(int RowNumber, string[] Cells)> ReadRows()
    {
        using var csv = Reader();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var cells = Enumerable.Range(0, Headers.Count).Select(i => csv.TryGetField<string>(i, out var value) ? value ?? "" : "").ToArray();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            yield return (csv.Parser.Row, cells);
        }
    }

    private CsvReader Reader() =>
        new(new StreamReader(new MemoryStream(_content, writable: false), _encoding, detectEncodingFromByteOrderMarks: true),
            new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim });

    private static Encoding Detect(byte[] content)
    {
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            strictUtf8.GetCharCount(content);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    public override void Dispose() { }
}
