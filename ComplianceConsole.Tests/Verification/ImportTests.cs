using System.Net;
using System.Text;
using ClosedXML.Excel;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Verification.Import;

namespace ComplianceConsole.Tests.Verification;

public sealed class ImportTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Header = "平台用户ID,用户昵称,核验方式,证件号码,真实姓名,提交时间";

    /// <summary>Rows, created, already imported, invalid: the import job's summary.</summary>
    private sealed record Counts(int Rows, int Created, int AlreadySubmitted, int Invalid);

    private async Task<JobView> ImportAsync(string fileName, byte[] content)
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var file = (await imports.ReceiveAsync(new MemoryStream(content), fileName, content.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        Assert.True(preview.Mapping.IsComplete, "the Chinese headers map themselves");
        var started = await imports.StartAsync(file, preview.Mapping, preview.RowCount);
        Assert.Null(started.RefusalKey);
        var job = await app.App.WaitForJobAsync(VerificationApp.Verifier, started.Value);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        return job;
    }

    private static Counts CountsOf(JobView job)
    {
        var a = job.Result!.Summary.Arguments.Select(int.Parse).ToArray();
        return new Counts(a[0], a[1], a[2], a[3]);
    }

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task Bad_rows_are_reported_by_row_column_and_reason_and_good_rows_are_kept()
    {
        var csv = $"""
            {Header}
            imp-1,小李,居民身份证,11010519491231002X,李四,2026-11-01 10:00:00
            imp-2,小王,居民身份证,110105194912310021,王五,2026-11-01 10:01:00
            imp-3,,手机号码,13900001111,,2026-11-01 10:02:00
            imp-4,,护照,E12345678,赵六,2026-11-01 10:03:00
            imp-5,,统一社会信用代码,91330100799655058B,杭州某科技有限公司,2026-11-01 10:04:00
            imp-6,,手机号码,13900002222,钱七,昨天
            """;
        var job = await ImportAsync("batch.csv", Utf8WithBom(csv));

        Assert.Equal(new Counts(6, 2, 0, 4), CountsOf(job));
        var lines = job.Result!.Lines!.Select(l => (Row: l.Cells[0], Column: l.Cells[1], Reason: l.Reason.Key)).ToList();
        Assert.Contains(lines, e => e is { Row: "3", Column: "证件号码" } && e.Reason.Contains("CheckDigit", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, e => e is { Row: "4", Column: "真实姓名" });
        Assert.Contains(lines, e => e is { Row: "5", Column: "核验方式" });
        Assert.Contains(lines, e => e is { Row: "7", Column: "提交时间" });

        var reportUrl = $"/jobs/{job.Id}/files/{Assert.Single(job.Files).Name}";
        var client = await app.App.SignInAsync(VerificationApp.Verifier);
        var report = await client.GetAsync(reportUrl);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF\"行号\",\"列\",\"原因\"", text);
        Assert.Contains("\"3\",\"证件号码\"", text);

        // Another Verifier may not see or download it; a Manager, who may see every job, may.
        var someoneElse = await app.App.SignInAsync(VerificationApp.SecondVerifier);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync(reportUrl)).StatusCode);
        await using (var second = app.App.As(VerificationApp.SecondVerifier))
        {
            Assert.Null(await second.Get<JobQueryService>().GetAsync(job.Id));
            await Assert.ThrowsAsync<ComplianceConsole.Security.PermissionDeniedException>(() =>
                second.Get<JobQueryService>().GetPageAsync(new JobFilter(Everyone: true), Common.PageAnchor.First, null, 10));
        }
        var manager = await app.App.SignInAsync(VerificationApp.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(reportUrl)).StatusCode);
    }

    [Fact]
    public async Task A_gb18030_file_imports_with_its_chinese_intact_and_importing_it_again_adds_nothing()
    {
        var csv = $"{Header}\r\ngb-1,张三丰,居民身份证,440524188001010014,张三丰,2026-10-01 08:00:00\r\ngb-2,,手机号码,13700009999,欧阳修,2026-10-01 08:05:00\r\n";
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(csv);
        Assert.Equal(new Counts(2, 2, 0, 0), CountsOf(await ImportAsync("gb.csv", gb18030)));
        Assert.Equal(new Counts(2, 0, 2, 0), CountsOf(await ImportAsync("gb.csv", gb18030)));

        await using var scope = app.App.As(VerificationApp.Verifier);
        var found = await scope.Get<VerificationQueryService>().GetPageAsync(
            new VerificationPageRequest(new VerificationFilter { Search = "gb-2" }, VerificationSort.SubmittedNewest, 10));
        var record = Assert.Single(found.Items);
        Assert.Equal("欧阳*", record.MaskedName);
        Assert.Equal(new DateTime(2026, 10, 1, 0, 5, 0, DateTimeKind.Utc), record.SubmittedAtUtc); // 08:05 China time
        var revealed = await scope.Get<PiiRevealService>().RevealAsync(record.Id, "核对导入结果");
        Assert.Equal("欧阳修", revealed.Value!.RealName);
    }

    [Fact]
    public async Task An_xlsx_file_imports_even_where_excel_turned_a_mobile_number_into_a_number()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("用户");
        string[] headers = ["external_user_id", "method", "identifier", "real_name", "submitted_at"];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(1, i + 1).Value = headers[i];
        sheet.Cell(2, 1).Value = "xlsx-1";
        sheet.Cell(2, 2).Value = "MobileNumber";
        sheet.Cell(2, 3).Value = 13512345678d;
        sheet.Cell(2, 4).Value = "周八";
        sheet.Cell(2, 5).Value = new DateTime(2026, 9, 30, 12, 0, 0);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        Assert.Equal(new Counts(1, 1, 0, 0), CountsOf(await ImportAsync("users.xlsx", stream.ToArray())));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_clear_message()
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var received = await imports.ReceiveAsync(new MemoryStream([1, 2, 3]), "huge.csv", imports.MaxFileBytes + 1);
        Assert.Null(received.Value);
        Assert.Equal("Import.TooLarge", received.RefusalKey);
    }

    [Fact]
    public async Task A_picture_renamed_csv_is_refused_and_nothing_is_staged()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        await using var scope = app.App.As(VerificationApp.Verifier);
        var picture = await scope.Get<VerificationImportService>().ReceiveAsync(new MemoryStream(png), "photo.csv", png.Length);
        Assert.Null(picture.Value);
        Assert.Equal("Import.NotATable", picture.RefusalKey);
        var notXlsx = await scope.Get<VerificationImportService>().ReceiveAsync(new MemoryStream("a,b\n1,2"u8.ToArray()), "text.xlsx", 7);
        Assert.Null(notXlsx.Value);
        Assert.Equal("Import.NotATable", notXlsx.RefusalKey);
    }

    [Fact]
    public async Task A_staged_upload_is_encrypted_and_owner_only_and_its_preview_masks_by_column_meaning()
    {
        var csv = $"{Header},备注\nstage-1,小明,居民身份证,11010519491231002X,李四,2026-11-01 10:00:00,住在北京\n";
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var bytes = Utf8WithBom(csv);
        var file = (await imports.ReceiveAsync(new MemoryStream(bytes), "stage.csv", bytes.Length)).Value!;

        var staged = Assert.Single(Directory.GetFiles(Path.Combine(app.App.DataFolderPath, "staging"), file.StagingId + "*"));
        var onDisk = await File.ReadAllBytesAsync(staged);
        Assert.Equal(-1, onDisk.AsSpan().IndexOf("11010519491231002X"u8));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(Encoding.UTF8.GetBytes("李四")));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(staged));

        var preview = (await imports.PreviewAsync(file)).Value!;
        Assert.Equal(["stage-1", "小*", "居民身份证", "110105********002X", "李*", "2026-11-01 10:00:00", "住***"], preview.MaskedSamples[0]);

        imports.Discard(file);
        Assert.False(File.Exists(staged));
    }

    [Theory]
    [InlineData("web-1,居民身份证,110101199003071233,刘洋,2026-11-20 10:00:00\n", "Import.HeaderLooksLikeData")]
    [InlineData("", "Import.Empty")]
    public async Task A_file_without_column_names_or_without_anything_is_refused_before_anything_is_shown(string csv, string expected)
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var bytes = Encoding.UTF8.GetBytes(csv);
        var received = await imports.ReceiveAsync(new MemoryStream(bytes), "data.csv", bytes.Length);
        var refusal = received.Value is { } file ? (await imports.PreviewAsync(file)).RefusalKey : received.RefusalKey;
        Assert.Equal(expected, refusal);
    }

    [Fact]
    public async Task A_header_only_file_previews_with_no_rows_and_cannot_be_started_usefully()
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var bytes = Utf8WithBom(Header + "\n");
        var file = (await imports.ReceiveAsync(new MemoryStream(bytes), "empty.csv", bytes.Length)).Value!;
        Assert.Equal(0, (await imports.PreviewAsync(file)).Value!.RowCount);
    }

    [Fact]
    public async Task An_auditor_cannot_import()
    {
        await using var scope = app.App.As(VerificationApp.Auditor);
        await Assert.ThrowsAsync<ComplianceConsole.Security.PermissionDeniedException>(() =>
            scope.Get<VerificationImportService>().ReceiveAsync(new MemoryStream([1]), "a.csv", 1));
    }
}
