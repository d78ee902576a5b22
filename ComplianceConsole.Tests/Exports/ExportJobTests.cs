using ComplianceConsole.Tests.Infrastructure;
using System.Security.Cryptography;
using ClosedXML.Excel;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>Exports run as jobs on seeded data and read back the way a regulator would open them.</summary>
public sealed class ExportJobTests(ExportApp app) : IClassFixture<ExportApp>
{
    private const string DigestLabel = "数据摘要 / Data digest";

    [Fact]
    public async Task The_ledger_export_carries_its_cover_bilingual_headers_masked_PII_and_a_digest_that_recomputes()
    {
        await using (var db = await app.ContextAsync())
        {
            await db.VerificationRecords.Where(r => r.PlatformUser.ExternalId == "user-0002").ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, "=HYPERLINK(\"http://evil\")"));
            await db.VerificationRecords.Where(r => r.PlatformUser.ExternalId == "user-0003").ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, new string('注', 1_000)));
        }
        var (queued, job) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        Assert.Equal(JobStatus.Succeeded, job.Status);

        var bytes = await app.DownloadAsync(ExportApp.Manager, queued.ExportId);
        Assert.NotNull(bytes);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));

        Assert.Equal(ExportApp.ProviderName, ExportApp.CoverValue(workbook, "服务提供者"));
        Assert.Equal(ExportApp.CreditCode, ExportApp.CoverValue(workbook, "统一社会信用代码"));
        Assert.Equal(ExportApp.FilingNumber, ExportApp.CoverValue(workbook, "算法备案号"));
        Assert.Equal("实名认证台账 / Real-name verification ledger", ExportApp.CoverValue(workbook, "报表类型"));
        Assert.Contains("Art. 9", ExportApp.CoverValue(workbook, "对应条款"));
        Assert.Equal("已脱敏 / Masked", ExportApp.CoverValue(workbook, "脱敏"));
        Assert.Equal(TestApp.ShownName(ExportApp.Manager), ExportApp.CoverValue(workbook, "生成人"));
        Assert.Contains("(UTC+8)", ExportApp.CoverValue(workbook, "生成时间"));
        Assert.Contains("1,048,575", ExportApp.CoverValue(workbook, "每个工作表行数"));
        Assert.Contains("U+001F", ExportApp.CoverValue(workbook, "摘要计算方法"));
        Assert.Equal(ExportApp.LabelingCode, ExportApp.CoverValue(workbook, "标识编码"));
        Assert.Equal("本文件中所有时间均为中国标准时间（UTC+8） / All times in this file are China Standard Time (UTC+8)", ExportApp.CoverValue(workbook, "时区"));
        var days = ExportApp.Today(ExportKind.VerificationLedger);
        Assert.Equal($"{days.FromDay:yyyy-MM-dd} 至 {days.ToDay:yyyy-MM-dd}（含） / {days.FromDay:yyyy-MM-dd} to {days.ToDay:yyyy-MM-dd} (inclusive)",
            ExportApp.CoverValue(workbook, "期间"));
        Assert.Equal(ExportApp.People.Length.ToString(), ExportApp.CoverValue(workbook, "数据行数"));
        Assert.Equal(app.App.Services.GetRequiredService<Features.Exports.Signing.ExportSigner>().Fingerprint, ExportApp.CoverValue(workbook, "签名公钥指纹"));
        Assert.Equal("数字签名 / Signature", workbook.Worksheet(1).LastRowUsed()!.Cell(1).GetString());

        var data = workbook.Worksheet(2);
        Assert.Equal("记录编号 / Record ID", data.Cell(1, 1).GetString());
        Assert.Equal("证件号码 / Identifier", data.Cell(1, 4).GetString());
        var rows = data.RowsUsed().Skip(1).ToList();
        Assert.Equal(ExportApp.People.Length, rows.Count);
        foreach (var (row, person) in rows.Zip(ExportApp.People))
        {
            Assert.Equal(XLDataType.Text, row.Cell(2).DataType);
            Assert.Equal(person.User, row.Cell(2).GetString());
            Assert.NotEqual(person.Identifier, row.Cell(4).GetString());
            Assert.Contains("*", row.Cell(4).GetString());
            Assert.DoesNotContain(person.Name, row.Cell(5).GetString());
            Assert.Equal(XLDataType.DateTime, row.Cell(7).DataType);
        }
        var submitted = await SubmittedAtAsync("user-0001");
        Assert.Equal(ComplianceConsole.Localization.ChinaTime.FromUtc(submitted).AddTicks(-(submitted.Ticks % TimeSpan.TicksPerSecond)), rows[0].Cell(7).GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", rows[1].Cell(12).GetString());
        Assert.False(rows[1].Cell(12).HasFormula);
        // The longest note a record can hold arrives whole (cutting at a cell's limit is the writer's own test).
        Assert.Equal(new string('注', 1_000), rows[2].Cell(12).GetString());

        var history = await HistoryAsync(ExportApp.Manager, queued.ExportId);
        var digests = ExportWorkbookReader.Read(new MemoryStream(bytes));
        Assert.Equal(history.DataDigest, digests.CoverValue(DigestLabel));
        Assert.Equal(history.DataDigest, digests.DataDigest);
        Assert.Equal(history.DataDigest, ExportApp.CoverValue(workbook, "数据摘要"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), history.FileSha256);
        Assert.Equal(bytes.Length, history.Bytes);
        Assert.Equal(ExportApp.People.Length, history.Rows);
    }

    [Fact]
    public async Task The_staff_audit_log_reads_with_localised_actions_and_chain_order()
    {
        var (queued, job) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.StaffAuditLog));
        Assert.Equal(JobStatus.Succeeded, job.Status);

        using var workbook = new XLWorkbook(new MemoryStream((await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!));
        var data = workbook.Worksheet(2);
        Assert.Equal("操作 / Action", data.Cell(1, 4).GetString());
        var rows = data.RowsUsed().Skip(1).ToList();
        var sequences = rows.Select(r => r.Cell(1).GetDouble()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        var request = rows.Last(r => r.Cell(5).GetString() == AuditActions.ExportRequested);
        Assert.Equal("申请导出 / Export requested", request.Cell(4).GetString());
        Assert.Equal(ExportApp.Manager, request.Cell(3).GetString());
        Assert.Equal(XLDataType.DateTime, request.Cell(2).DataType);
        Assert.Matches("^[0-9a-f]{64}$", request.Cell(9).GetString());
    }

    [Fact]
    public async Task The_audit_logs_staff_filter_leaves_out_API_keys_and_the_system()
    {
        var factory = app.App.Services.GetRequiredService<IDbContextFactory<Data.AppDbContext>>();
        await app.App.Services.GetRequiredService<AuditTrail>().RecordAsync(factory, new AuditActor(AuditActor.ApiKeyIdPrefix + "cc_test", "API key cc_test"),
            AuditActions.ExportRequested, "Export", "1");
        var form = ExportApp.Today(ExportKind.StaffAuditLog);
        form.Filters[StaffAuditLogSource.ActorFilter] = StaffAuditLogSource.StaffActors;

        var (queued, _) = await app.ExportAsync(ExportApp.Manager, form);

        using var workbook = new XLWorkbook(new MemoryStream((await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!));
        var actors = workbook.Worksheet(2).RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()).ToHashSet();
        Assert.Contains(ExportApp.Manager, actors);
        Assert.DoesNotContain("API key cc_test", actors);
        Assert.DoesNotContain(AuditActor.System.Name, actors);
    }

    [Fact]
    public async Task The_same_export_written_again_gives_the_same_cover_and_data_with_a_new_signature()
    {
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        var history = await HistoryAsync(ExportApp.Manager, queued.ExportId);

        await using var scope = app.App.As(ExportApp.Manager);
        var engine = scope.Get<ExportEngine>();
        var run = new ExportRun(new ExportRequest(history.Kind, history.FromUtc, history.ToUtc, new Dictionary<string, string>(), false), history.Id,
            history.RequestedByName, history.RequestedAtUtc, ExportsOptions.MaxRowsPerSheet, null);
        using var again = new MemoryStream();
        var written = await engine.WriteAsync(run, again, null, CancellationToken.None);

        // ECDSA signs with a fresh random number each time: the file is new, what it says and the data are not.
        await using var db = await app.ContextAsync();
        var recorded = await db.ExportJobs.SingleAsync(e => e.Id == history.Id);
        Assert.Equal(recorded.CoverText, written.CoverText);
        Assert.Equal(recorded.DataDigest, written.DataDigest);
        Assert.NotEqual(recorded.CoverSignature, written.Signature);
        Assert.NotEqual(history.FileSha256, Convert.ToHexStringLower(SHA256.HashData(again.ToArray())));
    }

    [Fact]
    public async Task An_unmasked_export_is_refused_without_permission_and_audited_with_it()
    {
        Result<ExportQueued> refused;
        await using (var scope = app.App.As(ExportApp.Auditor))
        {
            refused = await scope.Get<ExportService>().QueueAsync(ExportApp.Today(ExportKind.VerificationLedger, unmasked: true, reason: "监管检查要求原文"));
        }
        Assert.Equal("Exports.UnmaskedRefused", refused.RefusalKey);
        Assert.Null(refused.Value);

        await using (var scope = app.App.As(ExportApp.Manager))
        {
            var noReason = await scope.Get<ExportService>().QueueAsync(ExportApp.Today(ExportKind.VerificationLedger, unmasked: true, reason: " "));
            Assert.Contains(noReason.Errors, e => e.MessageKey == "Exports.ReasonRequired");
        }

        const string reason = "网信办检查（2026）第 12 号要求提供原文";
        var (queued, job) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger, unmasked: true, reason: reason));
        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using (var db = await app.ContextAsync())
        {
            var audited = await db.AuditEvents.Where(e => e.Action == AuditActions.ExportRequestedUnmasked).OrderBy(e => e.Sequence).LastAsync();
            Assert.Equal(ExportApp.Manager, audited.ActorName);
            Assert.Contains(reason, audited.Details);
        }

        using var workbook = new XLWorkbook(new MemoryStream((await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!));
        Assert.Equal(ExportApp.People.Select(p => p.Identifier), workbook.Worksheet(2).RowsUsed().Skip(1).Select(r => r.Cell(4).GetString()));
        Assert.StartsWith("未脱敏，原因 / Unmasked, because", ExportApp.CoverValue(workbook, "脱敏"));
        Assert.Contains(reason, ExportApp.CoverValue(workbook, "脱敏"));
    }

    [Fact]
    public async Task Another_users_export_is_refused_to_a_role_that_may_not_see_every_job()
    {
        var (managers, _) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.StaffAuditLog));
        var (auditors, _) = await app.ExportAsync(ExportApp.Auditor, ExportApp.Today(ExportKind.VerificationLedger));

        Assert.Null(await app.DownloadAsync(ExportApp.Auditor, managers.ExportId));
        Assert.NotNull(await app.DownloadAsync(ExportApp.Auditor, auditors.ExportId));
        Assert.NotNull(await app.DownloadAsync(ExportApp.Manager, auditors.ExportId));

        var client = await app.App.SignInAsync(ExportApp.Auditor);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/exports/{managers.ExportId}/file")).StatusCode);
        var own = await client.GetAsync($"/exports/{auditors.ExportId}/file");
        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(ExportHistoryService.ContentType, own.Content.Headers.ContentType?.MediaType);
        await using var db = await app.ContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ExportDownloaded && e.TargetId == auditors.ExportId.ToString()));
    }

    [Fact]
    public async Task A_cancelled_export_ends_cancelled_without_a_file()
    {
        var scheduler = await app.App.HoldJobsAsync();
        ExportQueued queued;
        try
        {
            await using var scope = app.App.As(ExportApp.Manager);
            queued = (await scope.Get<ExportService>().QueueAsync(ExportApp.Today(ExportKind.VerificationLedger))).Value!;
            Assert.True((await scope.Get<JobQueue>().CancelAsync(queued.JobId)).Succeeded);
        }
        finally
        {
            await scheduler.Start();
        }
        var job = await app.App.WaitForJobAsync(ExportApp.Manager, queued.JobId);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        var history = await HistoryAsync(ExportApp.Manager, queued.ExportId);
        Assert.Equal(ExportState.Cancelled, history.StateAt(DateTime.UtcNow));
        Assert.Null(await app.DownloadAsync(ExportApp.Manager, queued.ExportId));
    }

    private async Task<ExportHistoryRow> HistoryAsync(string email, long exportId)
    {
        await using var scope = app.App.As(email);
        return (await scope.Get<ExportHistoryService>().GetAsync(exportId))!;
    }

    private async Task<DateTime> SubmittedAtAsync(string user)
    {
        await using var db = await app.ContextAsync();
        return await db.VerificationRecords.Where(r => r.PlatformUser.ExternalId == user).Select(r => r.SubmittedAtUtc).SingleAsync();
    }
}
