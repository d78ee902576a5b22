using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>
/// A closed period's registers never change: November exported before and after December's changes (<see cref="LaterChangesApp"/>) has the
/// same data digest, kind by kind, while a register that takes December in shows what changed.
/// </summary>
public sealed class RegisterSnapshotTests(LaterChangesApp app) : IClassFixture<LaterChangesApp>
{
    private static readonly DateTime Nov1 = RegistersApp.Utc(11, 1), Dec1 = RegistersApp.Utc(12, 1), Jan1 = RegistersApp.Utc(1, 1, year: 2027);

    private static ExportRequest Request(ExportKind kind, DateTime from, DateTime to) => new(kind, from, to, new Dictionary<string, string>(), Unmasked: false);

    private async Task<List<Dictionary<string, object?>>> RowsAsync(ExportRequest request)
    {
        using var scope = app.App.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IExportSource>().Single(s => s.Kind == request.Kind);
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var cells in source.ReadAsync(request, TestContext.Current.CancellationToken))
        {
            rows.Add(source.Columns.Select((c, i) => (c.Key, Value: cells[i])).ToDictionary(x => x.Key, x => x.Value));
        }
        return rows;
    }

    [Fact]
    public async Task Every_register_of_a_closed_period_has_the_same_digest_after_later_changes()
    {
        await app.ChangeLaterAsync();

        Assert.Equal(Enum.GetValues<ExportKind>().Length, app.NovemberBefore.Count);
        foreach (var (kind, before) in app.NovemberBefore) Assert.True(before == await app.NovemberDigestAsync(kind), $"{kind}: November changed after December's changes");
    }

    [Fact]
    public async Task A_decision_keeps_the_item_and_flags_it_was_decided_on_after_a_resend_a_new_flag_and_an_appeal()
    {
        await app.ChangeLaterAsync();

        var a = (await RowsAsync(Request(ExportKind.ContentHandlingRecords, Nov1, Jan1))).Single(r => (string?)r["Review.ContentId"] == "content-a");
        Assert.Equal("人脸生成、替换或操控 / Face generation, swap or manipulation", a["Review.Category"]);
        Assert.Equal("视频 / Video", a["Review.MediaType"]);
        Assert.Equal("缺失 / Missing", a["Review.ExplicitLabel"]);
        Assert.Equal("有 / Present", a["Review.ImplicitLabel"]);
        Assert.Null(a["Review.ProduceId"]);
        Assert.Equal("特征库 / Feature library; 用户投诉 / User complaint", a["Review.FlagSources"]);
        Assert.Equal("用户投诉 / User complaint 2026-11-02 10:00:00 → 2026-11-04 00:00:00\n特征库 / Feature library 2026-11-02 10:00:00 → 2026-11-03 10:00:00",
            a["Review.Flags"]);
        // Decided in November, appealed and overturned in December: a register that takes December in shows it.
        Assert.Equal("撤销原决定 / Overturned", a["Review.AppealOutcome"]);
        Assert.Equal(RegistersApp.Utc(12, 6, 10), a["Review.AppealDecidedAt"]);
        Assert.Null((await RowsAsync(Request(ExportKind.ContentHandlingRecords, Nov1, Dec1))).Single(r => (string?)r["Review.ContentId"] == "content-a")["Review.AppealOutcome"]);
    }

    [Fact]
    public async Task An_escalation_and_the_Managers_final_decision_name_each_other_once_both_were_made()
    {
        await app.ChangeLaterAsync();

        var november = await RowsAsync(Request(ExportKind.ContentHandlingRecords, Nov1, Dec1));
        var f = november.Where(r => (string?)r["Review.ContentId"] == "content-f").ToList();
        Assert.Equal(["转合规主管决定 / Escalated to a Manager", "报告监管部门 / Reported to the authority"], f.Select(r => r["Review.Outcome"]));
        Assert.Equal(f[1]["Review.DecisionId"], f[0]["Review.SettledBy"]);
        Assert.Equal(f[0]["Review.DecisionId"], f[1]["Review.FollowsDecision"]);
        Assert.Equal(TestApp.ShownName(RegistersApp.Manager), f[1]["Review.DecidedBy"]);
        Assert.Equal("北京市网信办 京网信〔2026〕130号 2026-11-11 08:00:00", f[1]["Handling.RegulatorReports"]);

        // H was escalated in November and settled in December: November's register does not know it yet, December's links both.
        var hInNovember = november.Single(r => (string?)r["Review.ContentId"] == "content-h");
        Assert.Null(hInNovember["Review.SettledBy"]);
        var h = (await RowsAsync(Request(ExportKind.ContentHandlingRecords, Nov1, Jan1))).Where(r => (string?)r["Review.ContentId"] == "content-h").ToList();
        Assert.Equal(h[1]["Review.DecisionId"], h[0]["Review.SettledBy"]);
        Assert.Equal(h[0]["Review.DecisionId"], h[1]["Review.FollowsDecision"]);
    }

    [Fact]
    public async Task A_lift_a_late_answer_and_a_revocation_show_in_the_period_they_happened_in()
    {
        await app.ChangeLaterAsync();

        var closure = (await RowsAsync(Request(ExportKind.SanctionsRegister, Nov1, Dec1))).Single(r => (string?)r["Review.ContentId"] == "content-g");
        Assert.Equal("关闭账号 / Account closure", closure["Sanction.Kind"]);
        Assert.Null(closure["Sanction.LiftedAt"]);
        var liftedSince = (await RowsAsync(Request(ExportKind.SanctionsRegister, Nov1, Jan1))).Single(r => (string?)r["Review.ContentId"] == "content-g");
        Assert.Equal(RegistersApp.Utc(12, 7, 9), liftedSince["Sanction.LiftedAt"]);
        Assert.Equal("经复核解除", liftedSince["Sanction.LiftReason"]);
        var g = (await RowsAsync(Request(ExportKind.ContentHandlingRecords, Nov1, Jan1))).Single(r => (string?)r["Review.ContentId"] == "content-g");
        Assert.Equal("关闭账号 / Account closure 2026-11-12 09:00:00 (已于 2026-12-07 09:00:00 解除 / lifted 2026-12-07 09:00:00)", g["Handling.Sanctions"]);

        // E's complaint was answered in December with an answer time in November: November still has it unanswered and overdue.
        var e = (await RowsAsync(Request(ExportKind.ComplaintsRegister, Nov1, Dec1))).Single(r => (string?)r["Review.ContentId"] == "content-e");
        Assert.Equal("超时未反馈 / Overdue, unanswered", e["Complaint.TimeLimit"]);
        Assert.Null(e["Complaint.AnsweredAt"]);
        Assert.Null(e["Review.Outcome"]);
        var eSince = (await RowsAsync(Request(ExportKind.ComplaintsRegister, Nov1, Jan1))).Single(r => (string?)r["Review.ContentId"] == "content-e");
        Assert.Equal("无违规 / No violation", eSince["Review.Outcome"]);
        Assert.Equal(RegistersApp.Utc(12, 8, 10), eSince["Review.DecidedAt"]);

        var record = Assert.Single(await RowsAsync(Request(ExportKind.VerificationLedger, Nov1, Dec1)), r => (string?)r["PlatformUser"] == "user-snap");
        Assert.Equal("已核验 / Verified", record["Status"]);
        var revoked = Assert.Single(await RowsAsync(Request(ExportKind.VerificationLedger, Nov1, Jan1)), r => (string?)r["PlatformUser"] == "user-snap");
        Assert.Equal("已撤销 / Revoked", revoked["Status"]);
        var filing = (await RowsAsync(Request(ExportKind.ComplianceRegistry, Nov1, Dec1))).Single(r => (string?)r["Registry.Section"] == "算法备案 / Algorithm filings");
        Assert.Equal(("有效 / Active", "换脸算法 · App › 关于 › 算法备案"), (filing["Registry.Status"], filing["Registry.Detail"]));
        var filingSince = (await RowsAsync(Request(ExportKind.ComplianceRegistry, Nov1, Jan1))).Single(r => (string?)r["Registry.Section"] == "算法备案 / Algorithm filings");
        Assert.Equal("已注销 / Cancelled", filingSince["Registry.Status"]);
    }

    [Fact]
    public async Task A_decision_on_a_reopened_case_records_the_flags_it_decides_again()
    {
        await app.ChangeLaterAsync();
        app.SetCst(new DateTime(2026, 12, 11, 9, 0, 0));
        await using (var manager = app.App.As(RegistersApp.Manager))
        {
            var version = (await manager.Get<ReviewCaseQueryService>().VersionAsync(app.CaseC))!.Value;
            Assert.True((await manager.Get<ReviewDecisionService>().ReopenAsync(app.CaseC, version, "误报需重新审核")).Succeeded);
        }
        await app.DecideAsync(app.CaseC, new DateTime(2026, 12, 11, 10, 0, 0),
            new ReviewDecisionRequest(DecisionOutcome.LabelRequired, "label_missing", null));

        var c = (await RowsAsync(Request(ExportKind.ContentHandlingRecords, Dec1, Jan1))).Single(r => (string?)r["Review.ContentId"] == "content-c");
        Assert.Equal("员工发现 / Staff 2026-10-31 20:00:00 → 2026-11-03 00:00:00", c["Review.Flags"]);
        Assert.Equal(RegistersApp.Utc(10, 31, 20), c["Review.FirstReceivedAt"]);
        Assert.Equal("否 / No", c["Review.WithinTimeLimit"]);
    }
}
