using ClosedXML.Excel;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>
/// November 2026 in China Standard Time for the registers added for "exports a regulator can trust", each event through the service
/// that records it (the appeals written as the appeals service leaves them):
/// <list type="bullet">
/// <item>a complaint on 2 Nov that quotes an ID number, a mobile and an e-mail, removed on 3 Nov with a note quoting the ID again; its
/// author appeals on 5 Nov (due 7 Nov) quoting them too, upheld on 6 Nov;</item>
/// <item>a regulator's notice on 2 Nov due 3 Nov 11:00, handled by a decision on 3 Nov 10:00; a second on 20 Nov due 21 Nov, still open
/// when the month ends; an appeal on 25 Nov due 27 Nov, still open too;</item>
/// <item>a keyword rule created on 10 Nov and disabled on 12 Nov; a filing recorded on 15 Nov and changed on 16 Nov; a legal hold placed
/// on 18 Nov and lifted on 19 Nov; a purge run on 20 Nov;</item>
/// <item>an item first received on 21 Nov without its explicit label, re-sent on 22 Nov with it, and on 23 Nov with only its excerpt changed.</item>
/// </list>
/// The clock then stands in December, so the month is over.
/// </summary>
public sealed class NewRegistersApp : RegistersApp
{
    public const string ResidentId = "11010519491231002X";
    public const string Mobile = "13800138000";
    public const string Email = "zhang.san@example.cn";
    public static readonly string PiiText = $"我是张三，身份证{ResidentId}，手机138 0013 8000，邮箱{Email}";

    public long ComplaintCase { get; private set; }
    public long NoticeCase { get; private set; }
    public long LateNoticeCase { get; private set; }
    public long RuleId { get; private set; }
    public long FilingId { get; private set; }
    public long OpenAppealId { get; private set; }

    public static DateTime Cst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    public static ExportRequest Request(ExportKind kind, bool unmasked = false, params (string Key, string Value)[] filters) =>
        new(kind, Utc(11, 1), Utc(12, 1), filters.ToDictionary(f => f.Key, f => f.Value), unmasked);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ComplaintCase = await AddCaseAsync("content-pii", "author-pii", SynthesisCategory.FaceManipulation,
            new RegisterFlag(FlagSource.UserComplaint, Cst(11, 2, 10), Cst(11, 4, 0), Mobile));
        NoticeCase = await AddCaseAsync("content-notice", "author-notice", SynthesisCategory.Other,
            new RegisterFlag(FlagSource.RegulatorNotice, Cst(11, 2, 11), Cst(11, 3, 11)));
        LateNoticeCase = await AddCaseAsync("content-late", "author-late", SynthesisCategory.Other,
            new RegisterFlag(FlagSource.RegulatorNotice, Cst(11, 20, 9), Cst(11, 21, 9)));
        await WriteFlagTextsAsync();
        await DecideAsync(ComplaintCase, Cst(11, 3, 9), new ReviewDecisionRequest(DecisionOutcome.NoViolation, "compliant", $"投诉人身份证 {ResidentId}"));
        await DecideAsync(NoticeCase, Cst(11, 3, 10), new ReviewDecisionRequest(DecisionOutcome.NoViolation, "compliant", null));
        await AddAppealAsync(ComplaintCase, "pa-1", Cst(11, 5, 10), Cst(11, 7, 10), PiiText, decided: Cst(11, 6, 10));
        OpenAppealId = await AddAppealAsync(NoticeCase, "pa-2", Cst(11, 25, 10), Cst(11, 27, 10), "不服处理决定", decided: null);

        await AsManagerAtAsync(Cst(11, 10, 9), async scope =>
        {
            Assert.True((await scope.Get<FeatureRuleService>().SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Keyword, Value = "换脸教程", ReasonCode = "fraud_impersonation" })).Succeeded);
        });
        await using (var db = await ContextAsync()) RuleId = await db.FeatureRules.Where(r => r.Value == "换脸教程").Select(r => r.Id).SingleAsync();
        await AsManagerAtAsync(Cst(11, 12, 9), async scope => Assert.True((await scope.Get<FeatureRuleService>().SetEnabledAsync(RuleId, 1, false)).Succeeded));

        await AsManagerAtAsync(Cst(11, 15, 9), async scope =>
        {
            var result = await scope.Get<FilingService>().SaveAsync(Filing(null, 0, FilingStatus.Active));
            Assert.True(result.Succeeded);
            FilingId = result.Value;
        });
        await AsManagerAtAsync(Cst(11, 16, 9), async scope => Assert.True((await scope.Get<FilingService>().SaveAsync(Filing(FilingId, 1, FilingStatus.Changed))).Succeeded));

        await AsManagerAtAsync(Cst(11, 18, 9), async scope => Assert.True((await scope.Get<LegalHoldService>().PlaceAsync(
            new LegalHoldForm { Target = LegalHoldTarget.PlatformUser, Reference = "author-pii", Reason = $"投诉纠纷，投诉人手机 {Mobile}" })).Succeeded));
        await AsManagerAtAsync(Cst(11, 19, 9), async scope =>
        {
            var hold = (await scope.Get<LegalHoldService>().ListAsync()).Single();
            Assert.True((await scope.Get<LegalHoldService>().LiftAsync(hold.Id, hold.Version, "纠纷已了结")).Succeeded);
        });
        await AsManagerAtAsync(Cst(11, 20, 3), scope => scope.Get<RetentionPurge>().RunAsync(AuditActor.System));

        await SendItemAsync(Cst(11, 21, 10), LabelStatus.Missing, "p-1", "原始摘要");
        await SendItemAsync(Cst(11, 22, 10), LabelStatus.Present, "p-1", "原始摘要");
        await SendItemAsync(Cst(11, 23, 10), LabelStatus.Present, "p-1", "改过的摘要");
        SetCst(Cst(12, 1, 12));
    }

    /// <summary>What happens after November: the open appeal decided, the rule edited, the filing cancelled, the item re-sent with a new produce id.</summary>
    public async Task ChangeThingsInDecemberAsync()
    {
        await using (var db = await ContextAsync())
        {
            var appeal = await db.Appeals.SingleAsync(a => a.Id == OpenAppealId);
            (appeal.State, appeal.Outcome, appeal.DecidedAtUtc, appeal.DecidedByName, appeal.ReasonCode) =
                (AppealState.Decided, AppealOutcome.Overturned, ChinaTimeUtc(Cst(12, 2, 9)), "registers.manager", "compliant");
            var lateNotice = await db.Flags.SingleAsync(f => f.ReviewCaseId == LateNoticeCase);
            lateNotice.HandledAtUtc = ChinaTimeUtc(Cst(12, 2, 9));
            await db.SaveChangesAsync();
        }
        await AsManagerAtAsync(Cst(12, 3, 9), async scope =>
        {
            var form = (await scope.Get<FeatureRuleService>().GetFormAsync(RuleId))!;
            form.Value = "换脸软件教程";
            Assert.True((await scope.Get<FeatureRuleService>().SaveAsync(form)).Succeeded);
            Assert.True((await scope.Get<FilingService>().SaveAsync(Filing(FilingId, 2, FilingStatus.Cancelled))).Succeeded);
        });
        await SendItemAsync(Cst(12, 4, 10), LabelStatus.Present, "p-2", "改过的摘要");
        SetCst(Cst(12, 5, 12));
    }

    /// <summary>Writes an export as the engine does for the export job, and opens it.</summary>
    public async Task<(XLWorkbook Workbook, string Digest)> ExportAsync(ExportRequest request)
    {
        await using var scope = App.As(Manager);
        using var file = new MemoryStream();
        var run = new ExportRun(request, 1, "registers.manager", Utc(12, 1, 12), ExportsOptions.MaxRowsPerSheet, request.Unmasked ? "监管检查" : null);
        var written = await scope.Get<ExportEngine>().WriteAsync(run, file, null, TestContext.Current.CancellationToken);
        return (new XLWorkbook(new MemoryStream(file.ToArray())), written.DataDigest);
    }

    private static DateTime ChinaTimeUtc(DateTime cst) => ComplianceConsole.Localization.ChinaTime.ToUtc(cst);

    private static FilingForm Filing(long? id, int version, FilingStatus status) => new()
    {
        Id = id, Version = version, FilingNumber = ExportApp.FilingNumber, AlgorithmName = "深合成人脸生成算法", Role = FilingRole.ServiceProvider,
        FiledOn = new DateOnly(2026, 3, 1), Status = status, DisplayedAt = "App › 关于 › 算法备案",
    };

    private async Task AsManagerAtAsync(DateTime cst, Func<StaffScope, Task> act)
    {
        SetCst(cst);
        await using var scope = App.As(Manager);
        await act(scope);
    }

    private async Task WriteFlagTextsAsync()
    {
        await using var db = await ContextAsync();
        var complaint = await db.Flags.SingleAsync(f => f.ReviewCaseId == ComplaintCase);
        complaint.ReasonText = PiiText;
        var notice = await db.Flags.SingleAsync(f => f.ReviewCaseId == NoticeCase);
        (notice.ExternalId, notice.ReasonText, notice.RaisedBy) = ("京网信〔2026〕7号", $"请核查该视频，联系人 {Mobile}", "北京市网信办");
        await db.SaveChangesAsync();
    }

    private async Task<long> AddAppealAsync(long caseId, string platformId, DateTime receivedCst, DateTime dueCst, string statement, DateTime? decided)
    {
        await using var db = await ContextAsync();
        var reviewCase = await db.ReviewCases.SingleAsync(c => c.Id == caseId);
        var flag = new Flag
        {
            ReviewCaseId = caseId, ContentItemId = reviewCase.ContentItemId, Source = FlagSource.Appeal, ReasonText = statement, RaisedBy = "api:test-platform",
            ReceivedAtUtc = ChinaTimeUtc(receivedCst), DueAtUtc = ChinaTimeUtc(dueCst),
        };
        db.Flags.Add(flag);
        ReviewDayCounts.Received(db.DayCountChanges, flag.Source, flag.ReceivedAtUtc); // as the appeal's submission counts it
        await db.SaveChangesAsync();
        var appeal = new Appeal
        {
            PlatformAppealId = platformId, RequestHash = platformId, ReviewCaseId = caseId, ContentItemId = reviewCase.ContentItemId, DecisionId = reviewCase.DecisionId!.Value,
            PlatformUserId = reviewCase.AuthorId, FlagId = flag.Id, Statement = statement, ReceivedAtUtc = ChinaTimeUtc(receivedCst), DueAtUtc = ChinaTimeUtc(dueCst),
            ReceivedBy = "api:test-platform", State = decided is null ? AppealState.Open : AppealState.Decided, Outcome = decided is null ? null : AppealOutcome.Upheld,
            ReasonCode = decided is null ? null : "compliant", Note = decided is null ? null : $"已回电 {Mobile}，维持原决定", DecidedByName = decided is null ? null : "registers.manager",
            DecidedAtUtc = decided is { } at ? ChinaTimeUtc(at) : null,
        };
        db.Appeals.Add(appeal);
        await db.SaveChangesAsync();
        return appeal.Id;
    }

    private async Task SendItemAsync(DateTime cst, LabelStatus explicitLabel, string produceId, string excerpt)
    {
        SetCst(cst);
        var item = new ContentSubmission("label-1", "author-label", "作者", MediaType.Video, SynthesisCategory.FaceManipulation, excerpt, null, null, true,
            new AigcLabelFields(1, "001191101080000000000000000000001", produceId, null, null, null, null), LabelStatus.Present, explicitLabel, null);
        await using var scope = App.Services.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<ContentIngestionService>().SaveContentAsync([item], new AuditActor(null, "api:test-platform"), ChinaTimeUtc(cst),
            TestContext.Current.CancellationToken);
        Assert.NotEqual(IngestOutcome.Invalid, Assert.Single(results).Outcome);
    }
}
