using ClosedXML.Excel;
using System.Security.Cryptography;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Exports.Workbook;

namespace ComplianceConsole.Tests.Exports;

/// <summary>The workbook format on its own: what a regulator opening the file sees, and the digest they can recompute.</summary>
public sealed class ExportWorkbookWriterTests
{
    private const string DigestLabel = "数据摘要 / Data digest", RowCountLabel = "数据行数 / Data rows", SignatureLabel = "数字签名 / Signature";

    private static readonly ExportSigner Signer = new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static readonly ExportColumn[] Columns =
    [
        new("Id", ExportCellType.Code, 22), new("Note", ExportCellType.Text, 40), new("At", ExportCellType.DateTime, 20),
        new("Count", ExportCellType.Integer, 10), new("Rate", ExportCellType.Number, 10),
    ];

    private static ExportWorkbookContent Content(int rowsPerSheet = 1_048_575, long upperBound = 3) => new(
        "测试 / Test", "manager@example.cn", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        [
            new("类型 / Kind", "Test"), new(RowCountLabel, ExportWorkbookWriter.RowCountPlaceholder), new(DigestLabel, ExportWorkbookWriter.DigestPlaceholder),
            new("备注 / Note", "-5 starts like a formula"), new("原因 / Reason", "第一行\r\n第二行\r第三行"),
            new(SignatureLabel, ExportWorkbookWriter.SignaturePlaceholder),
        ],
        Columns, ["编号 / Id", "备注 / Note", "时间 / At", "数量 / Count", "比率 / Rate"], upperBound, rowsPerSheet);

    private static readonly object?[][] Rows =
    [
        ["110105199001011234", "=HYPERLINK(\"http://x\")", new DateTime(2026, 2, 28, 16, 30, 15, DateTimeKind.Utc), 7L, 0.25m],
        ["000123", "+86 138\r\n第二行", null, 0, 1.5],
        ["-1", new string('长', 40_000), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 123456789012L, null],
    ];

    private static async IAsyncEnumerable<object?[]> Stream(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task<(byte[] Bytes, ExportWorkbookWritten Written)> WriteAsync(ExportWorkbookContent content, IEnumerable<object?[]> rows)
    {
        using var output = new MemoryStream();
        var written = await ExportWorkbookWriter.WriteAsync(content, Stream(rows), output, Signer, null, CancellationToken.None);
        return (output.ToArray(), written);
    }

    [Fact]
    public async Task The_data_sheet_keeps_identifiers_as_text_times_as_China_time_and_no_formula()
    {
        var (bytes, written) = await WriteAsync(Content(), Rows);
        Assert.Equal(3, written.Rows);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal([ExportWorkbookWriter.CoverSheetName, ExportWorkbookWriter.DataSheetName], workbook.Worksheets.Select(w => w.Name));
        var data = workbook.Worksheet(2);
        Assert.Equal("编号 / Id", data.Cell(1, 1).GetString());
        Assert.Equal(1, data.SheetView.SplitRow);
        Assert.True(data.AutoFilter.IsEnabled);
        Assert.InRange(data.Column(1).Width, 20, 23);

        Assert.Equal(XLDataType.Text, data.Cell(2, 1).DataType);
        Assert.Equal("110105199001011234", data.Cell(2, 1).GetString());
        Assert.Equal("000123", data.Cell(3, 1).GetString());
        Assert.Equal("'-1", data.Cell(4, 1).GetString());
        Assert.False(data.Cell(2, 2).HasFormula);
        Assert.Equal("'=HYPERLINK(\"http://x\")", data.Cell(2, 2).GetString());
        Assert.Equal("'+86 138\n第二行", data.Cell(3, 2).GetString());

        Assert.Equal(XLDataType.DateTime, data.Cell(2, 3).DataType);
        Assert.Equal(new DateTime(2026, 3, 1, 0, 30, 15), data.Cell(2, 3).GetDateTime());
        Assert.True(data.Cell(3, 3).IsEmpty());
        Assert.Equal(123456789012d, data.Cell(4, 4).GetDouble());

        var longText = data.Cell(4, 2).GetString();
        Assert.Equal(ExportCellText.MaxCellLength, longText.Length);
        Assert.EndsWith(ExportCellText.TruncationMarker, longText);
    }

    [Fact]
    public async Task The_cover_states_the_digest_that_the_data_sheets_give_and_the_row_count()
    {
        var (bytes, written) = await WriteAsync(Content(), Rows);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(written.DataDigest, ExportApp.CoverValue(workbook, DigestLabel));
        Assert.Equal("3", ExportApp.CoverValue(workbook, RowCountLabel));
        Assert.Matches("^[0-9a-f]{64}$", written.DataDigest);

        var read = ExportWorkbookReader.Read(new MemoryStream(bytes));
        Assert.Equal(written.DataDigest, read.CoverValue(DigestLabel));
        Assert.Equal(written.DataDigest, read.DataDigest);
        Assert.Equal(3, read.Rows);
    }

    [Fact]
    public async Task The_signature_on_the_cover_is_over_every_other_cover_row_as_its_cells_hold_it()
    {
        var (bytes, written) = await WriteAsync(Content(), Rows);

        var read = ExportWorkbookReader.Read(new MemoryStream(bytes));
        var coverText = ExportCoverText.Of(read.Cover, SignatureLabel);
        Assert.Equal(written.CoverText, coverText);
        Assert.Equal(written.Signature, read.CoverValue(SignatureLabel));
        Assert.True(Signer.VerifyText(coverText, read.CoverValue(SignatureLabel)));
        Assert.Equal("测试 / Test\u001F\u001E类型 / Kind\u001FTest\u001E数据行数 / Data rows\u001F3\u001E", coverText[..(coverText.IndexOf(DigestLabel, StringComparison.Ordinal))]);
        Assert.Contains("备注 / Note\u001F'-5 starts like a formula\u001E", coverText);
        Assert.DoesNotContain(SignatureLabel, coverText);

        var edited = coverText.Replace("\u001FTest\u001E", "\u001FTest!\u001E", StringComparison.Ordinal);
        Assert.False(Signer.VerifyText(edited, written.Signature));
        Assert.False(new ExportSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)).VerifyText(coverText, written.Signature));
    }

    [Fact]
    public void A_date_serial_reads_to_the_second_whichever_way_its_last_digit_was_rounded_and_an_impossible_one_stays_a_number()
    {
        Assert.Equal("2026-12-03 06:37:46", ExportDigest.DateTimeOfSerial(46359.27622685185));
        Assert.Equal("2026-12-03 06:37:46", ExportDigest.DateTimeOfSerial(46359.2762268518));
        Assert.Equal("2026-12-03 06:37:46", ExportDigest.DateTimeOfSerial(46359.2762268519));
        Assert.Equal("1E+308", ExportDigest.DateTimeOfSerial(1e308));
        Assert.Equal("NaN", ExportDigest.DateTimeOfSerial(double.NaN));
    }

    [Fact]
    public void A_date_time_in_the_digest_is_written_as_its_pattern_would_write_it()
    {
        DateTime[] times = [DateTime.MinValue, new(999, 12, 31, 23, 59, 59), new(2026, 12, 3, 6, 7, 8), new(2026, 1, 1, 0, 0, 0), DateTime.MaxValue];
        Assert.All(times, t => Assert.Equal(t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), ExportDigest.DateTime(t)));
    }

    [Theory]
    [InlineData("yyyy-mm-dd hh:mm:ss", true)]
    [InlineData("yyyy\\-mm\\-dd\\ hh:mm:ss", true)]
    [InlineData("[$-804]yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("0.00", false)]
    [InlineData("#,##0", false)]
    [InlineData("General", false)]
    [InlineData("\"days\" 0", false)]
    [InlineData("0;[Red]-0;\"zero\";@ \"d\"", false)]
    [InlineData("@", false)]
    public void A_date_time_format_is_known_by_its_code(string code, bool isDateTime) =>
        Assert.Equal(isDateTime, ExportNumberFormats.IsDateTimeCode(code));

    [Fact]
    public async Task The_same_data_gives_the_same_bytes_but_for_the_signature()
    {
        var (first, firstWritten) = await WriteAsync(Content(), Rows);
        var (second, secondWritten) = await WriteAsync(Content(), Rows);

        // ECDSA signs with a fresh random number each time: the same cover text, two different signatures, both genuine.
        Assert.Equal(firstWritten.CoverText, secondWritten.CoverText);
        Assert.NotEqual(firstWritten.Signature, secondWritten.Signature);
        Assert.Equal(Entries(first, firstWritten.Signature), Entries(second, secondWritten.Signature));
    }

    /// <summary>Every zip entry's name and bytes as stored, the cover sheet with its signature taken out (it differs, compressed, in every byte after it).</summary>
    private static List<(string Name, string Content)> Entries(byte[] xlsx, string signature)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return zip.Entries.Select(e =>
        {
            // No wall-clock time anywhere: every entry is dated the DOS epoch.
            Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime);
            using var reader = new StreamReader(e.Open());
            var text = reader.ReadToEnd();
            return (e.FullName, e.FullName == "xl/worksheets/sheet1.xml" ? text.Replace(signature, "", StringComparison.Ordinal) : text);
        }).ToList();
    }

    [Fact]
    public async Task Past_the_rows_per_sheet_limit_the_data_continues_on_a_next_sheet_with_the_same_digest()
    {
        var many = Enumerable.Range(1, 7).Select(i => new object?[] { $"ID{i}", "note", null, (long)i, null }).ToList();
        var (split, splitWritten) = await WriteAsync(Content(rowsPerSheet: 3, upperBound: 7), many);
        var (whole, wholeWritten) = await WriteAsync(Content(upperBound: 7), many);

        using var workbook = new XLWorkbook(new MemoryStream(split));
        Assert.Equal([ExportWorkbookWriter.CoverSheetName, "数据 Data", "数据 Data 2", "数据 Data 3"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("ID4", workbook.Worksheet(3).Cell(2, 1).GetString());
        Assert.Equal("编号 / Id", workbook.Worksheet(4).Cell(1, 1).GetString());
        Assert.Equal(2, workbook.Worksheet(4).RowsUsed().Count());
        Assert.Equal(wholeWritten.DataDigest, splitWritten.DataDigest);
        Assert.Equal(splitWritten.DataDigest, ExportWorkbookReader.Read(new MemoryStream(split)).DataDigest);
        Assert.NotEqual(Convert.ToHexString(split), Convert.ToHexString(whole));
    }

    [Fact]
    public async Task Changing_one_cell_changes_the_recomputed_digest_but_not_the_cover()
    {
        var (bytes, written) = await WriteAsync(Content(), Rows);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        workbook.Worksheet(2).Cell(3, 1).Value = "000124";
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        var read = ExportWorkbookReader.Read(new MemoryStream(saved.ToArray()));
        Assert.Equal(written.DataDigest, read.CoverValue(DigestLabel));
        Assert.NotEqual(written.DataDigest, read.DataDigest);
    }

    [Fact]
    public async Task A_resaved_but_unchanged_workbook_still_gives_its_digest()
    {
        var (bytes, written) = await WriteAsync(Content(), Rows);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        Assert.Equal(written.DataDigest, ExportWorkbookReader.Read(new MemoryStream(saved.ToArray())).DataDigest);
    }

    [Fact]
    public async Task A_date_serial_rounded_in_its_last_digit_by_a_resave_gives_the_same_digest()
    {
        var (bytes, written) = await WriteAsync(Content(), Rows);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var at = workbook.Worksheet(2).Cell(2, 3);
        // What LibreOffice writes back: the serial to 15 significant digits, its last digit rounded.
        at.Value = double.Parse(at.GetDateTime().ToOADate().ToString("G15", System.Globalization.CultureInfo.InvariantCulture)) + 1e-10;
        Assert.Equal(XLDataType.Number, at.DataType);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        Assert.Equal(written.DataDigest, ExportWorkbookReader.Read(new MemoryStream(saved.ToArray())).DataDigest);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\nx")]
    [InlineData("a\r\nb\rc\u2028d", "a\nb\nc\nd")]
    [InlineData("-", "'-")]
    [InlineData("a=b", "a=b")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    public void Values_that_could_become_formulas_are_neutralised_and_line_breaks_are_line_feeds(string value, string written) =>
        Assert.Equal(written, ExportCellText.Prepare(value));
}
