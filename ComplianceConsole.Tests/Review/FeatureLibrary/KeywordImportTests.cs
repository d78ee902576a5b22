using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.FeatureLibrary;

public sealed class KeywordImportTests : SetUpAppTest
{
    private const string Manager = "manager@example.cn";

    static KeywordImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    protected override async Task ArrangeAsync()
    {
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await using var scope = App.As(Manager);
        var saved = await scope.Get<FeatureRuleService>().SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Keyword, Value = "深度伪造", ReasonCode = "rumour" });
        Assert.True(saved.Succeeded);
    }

    private async Task<(KeywordImportPreview Preview, JobView Job)> ImportAsync(byte[] content, string fileName = "keywords.csv")
    {
        await using var scope = App.As(Manager);
        var imports = scope.Get<KeywordImportService>();
        var file = (await imports.ReceiveAsync(new MemoryStream(content), fileName, content.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        var started = await imports.StartAsync(file, preview.RowCount);
        Assert.Null(started.RefusalKey);
        var job = await App.WaitForJobAsync(Manager, started.Value);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        return (preview, job);
    }

    /// <summary>The summary's key and its counts: rows, added, duplicates skipped, invalid.</summary>
    private static string Summary(JobView job) => $"{job.Result!.Summary.Key} {string.Join(',', job.Result.Summary.Arguments)}";

    private async Task<List<string>> KeywordsAsync()
    {
        await using var db = await App.Services.ReadContextAsync();
        return await db.FeatureRules.Where(r => r.Kind == FeatureRuleKind.Keyword).OrderBy(r => r.Id).Select(r => r.Value).ToListAsync();
    }

    [Fact]
    public async Task Good_rows_around_a_bad_one_are_added_duplicates_are_skipped_and_counted_and_bad_rows_are_named()
    {
        var csv = """
            关键词,原因代码,备注
            一键换脸,fraud_impersonation,
            声音克隆,No_Biometric_Consent,语音
            虚假灾情,no_such_reason,
            深度伪造,rumour,已在库中
            ,rumour,
            ＡＩ换脸,fraud_impersonation,
            ai换脸,fraud_impersonation,与上一行相同
            假冒客服,fraud_impersonation,
            """;
        var (preview, job) = await ImportAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        Assert.Equal(8, preview.RowCount);
        Assert.Equal("FeatureRule.UnknownReason", Assert.Single(preview.Samples.Single(s => s.RowNumber == 4).Errors).MessageKey);
        Assert.Equal([5], preview.DuplicateRows);

        Assert.Equal("KeywordImport.Result 8,4,2,2", Summary(job));
        Assert.Equal([("4", "原因代码", "FeatureRule.UnknownReason"), ("6", "关键词", "FeatureRule.ValueRequired")],
            job.Result!.Lines!.Select(l => (l.Cells[0], l.Cells[1], l.Reason.Key)));
        Assert.Equal(["深度伪造", "一键换脸", "声音克隆", "ai换脸", "假冒客服"], await KeywordsAsync());

        var matcher = await App.Services.GetRequiredService<ComplianceConsole.Features.Review.FeatureLibrary>().CurrentAsync();
        Assert.Equal("no_biometric_consent", Assert.Single(matcher.Match("这是声音克隆", null).Matches).ReasonCode);

        await using var db = await App.Services.ReadContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.FeatureRulesImported);
        Assert.Contains("\"added\":4", audit.Details);

        var client = await App.SignInAsync(Manager);
        var report = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/jobs/{job.Id}/files/{Assert.Single(job.Files).Name}"));
        Assert.Contains("\"4\",\"原因代码\"", report);
    }

    [Fact]
    public async Task A_gb18030_file_without_named_headers_is_read_by_position_and_a_second_run_adds_nothing()
    {
        var content = Encoding.GetEncoding("GB18030").GetBytes("词,代码\n换脸教程,fraud_impersonation\n");
        var (_, first) = await ImportAsync(content);
        Assert.Equal("KeywordImport.Result 1,1,0,0", Summary(first));
        var (_, second) = await ImportAsync(content);
        Assert.Equal("KeywordImport.Result 1,0,1,0", Summary(second));
        Assert.Contains("换脸教程", await KeywordsAsync());
    }

    [Fact]
    public async Task A_picture_or_a_spreadsheet_is_refused_before_preview()
    {
        await using var scope = App.As(Manager);
        var imports = scope.Get<KeywordImportService>();
        Assert.Equal("Import.NotATable", (await imports.ReceiveAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 1, 2]), "words.csv", 6)).RefusalKey);
        Assert.Equal("KeywordImport.UnsupportedType", (await imports.ReceiveAsync(new MemoryStream([1]), "words.xlsx", 1)).RefusalKey);
    }
}
