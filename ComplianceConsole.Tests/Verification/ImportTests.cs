using System.Net;
using System.Text;
using ClosedXML.Excel;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Verification.Import;

namespace ComplianceConsole.Tests.Verification;

public sealed class ImportTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Header = "平台用户ID,用户昵称,核验方式,证件号码,真实姓名,提交时间";

    private async Task<ImportOutcome> ImportAsync(string fileName, byte[] content)
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var (file, error) = await imports.ReceiveAsync(new MemoryStream(content), fileName, content.Length);
        Assert.Null(error);
        var (preview, previewError) = await imports.PreviewAsync(file!);
        Assert.Null(previewError);
        Assert.True(preview!.Mapping.IsComplete, "the Chinese headers map themselves");
        return await imports.ImportAsync(file!, preview.Mapping);
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
        var outcome = await ImportAsync("batch.csv", Utf8WithBom(csv));

        Assert.Equal((6, 2, 0, 4), (outcome.Rows, outcome.Created, outcome.AlreadySubmitted, outcome.Invalid));
        Assert.Contains(outcome.Errors, e => e is { RowNumber: 3, Column: "证件号码" } && e.Reason.Contains("校验位"));
        Assert.Contains(outcome.Errors, e => e is { RowNumber: 4, Column: "真实姓名" });
        Assert.Contains(outcome.Errors, e => e is { RowNumber: 5, Column: "核验方式" });
        Assert.Contains(outcome.Errors, e => e is { RowNumber: 7, Column: "提交时间" });

        var client = await app.App.SignInAsync(VerificationApp.Verifier);
        var report = await client.GetAsync($"/verification/import/errors/{outcome.ErrorReportId}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF行号,列,原因", text);
        Assert.Contains("3,\"证件号码\"", text);

        var someoneElse = await app.App.SignInAsync(VerificationApp.SecondVerifier);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync($"/verification/import/errors/{outcome.ErrorReportId}")).StatusCode);
    }

    [Fact]
    public async Task A_gb18030_file_imports_with_its_chinese_intact_and_importing_it_again_adds_nothing()
    {
        var csv = $"{Header}\r\ngb-1,张三丰,居民身份证,440524188001010014,张三丰,2026-10-01 08:00:00\r\ngb-2,,手机号码,13700009999,欧阳修,2026-10-01 08:05:00\r\n";
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(csv);
        var first = await ImportAsync("gb.csv", gb18030);
        Assert.Equal((2, 2, 0), (first.Created, first.Rows, first.Invalid));

        var again = await ImportAsync("gb.csv", gb18030);
        Assert.Equal((0, 2), (again.Created, again.AlreadySubmitted));

        await using var scope = app.App.As(VerificationApp.Verifier);
        var found = await scope.Get<VerificationQueryService>().GetPageAsync(
            new VerificationPageRequest(new VerificationFilter { Search = "gb-2" }, VerificationSort.SubmittedNewest, 10));
        var record = Assert.Single(found.Items);
        Assert.Equal("欧阳*", record.MaskedName);
        Assert.Equal(new DateTime(2026, 10, 1, 0, 5, 0, DateTimeKind.Utc), record.SubmittedAtUtc); // 08:05 China time
        var revealed = await scope.Get<PiiRevealService>().RevealAsync(record.Id, "核对导入结果");
        Assert.Equal("欧阳修", revealed.Identity!.RealName);
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

        var outcome = await ImportAsync("users.xlsx", stream.ToArray());
        Assert.Equal((1, 0), (outcome.Created, outcome.Invalid));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_clear_message()
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var imports = scope.Get<VerificationImportService>();
        var (file, error) = await imports.ReceiveAsync(new MemoryStream([1, 2, 3]), "huge.csv", imports.MaxFileBytes + 1);
        Assert.Null(file);
        Assert.Equal("Import.TooLarge", error);
    }

    [Fact]
    public async Task An_auditor_cannot_import()
    {
        await using var scope = app.App.As(VerificationApp.Auditor);
        await Assert.ThrowsAsync<ComplianceConsole.Security.PermissionDeniedException>(() =>
            scope.Get<VerificationImportService>().ReceiveAsync(new MemoryStream([1]), "a.csv", 1));
    }
}
