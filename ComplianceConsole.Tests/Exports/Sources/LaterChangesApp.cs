using System.Net.Http.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using ComplianceConsole.Tests.Review.Appeals;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>
/// November as <see cref="NovemberRegistersApp"/> has it, plus: case F escalated on 10 Nov and settled by a Manager on 11 Nov; case G removed on
/// 12 Nov with an account closure; case H escalated on 13 Nov; a verification verified and a filing made in November. Then
/// <see cref="ChangeLaterAsync"/> does in December what an inspector saw rewrite November: a new flag on case A and the platform re-sending
/// its item with another category and labels, an appeal on A's decision overturned, G's closure lifted, H settled, E's complaint answered late,
/// the verification revoked and the filing cancelled.
/// </summary>
public sealed class LaterChangesApp : NovemberRegistersApp
{
    public const string Verifier = "registers.verifier@example.cn";
    public long CaseF { get; private set; }
    public long CaseG { get; private set; }
    public long CaseH { get; private set; }
    public long CaseE { get; private set; }
    private string _platformKey = "";

    /// <summary>November's data digest of each kind, taken before December's changes (whichever test runs first makes them).</summary>
    public Dictionary<ExportKind, string> NovemberBefore { get; } = [];
    private bool _changed;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await using (var admin = App.As(TestApp.AdminEmail))
        {
            _platformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        }
        var cst = (int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0);
        CaseF = await AddCaseAsync("content-f", "author-f", SynthesisCategory.FaceManipulation, new RegisterFlag(FlagSource.RegulatorNotice, cst(11, 9, 9), cst(11, 12, 9)));
        CaseG = await AddCaseAsync("content-g", "author-g", SynthesisCategory.FaceManipulation, new RegisterFlag(FlagSource.FeatureLibrary, cst(11, 11, 9), cst(11, 12, 9)));
        CaseH = await AddCaseAsync("content-h", "author-h", SynthesisCategory.VoiceSynthesis, new RegisterFlag(FlagSource.Staff, cst(11, 12, 9), cst(11, 20, 0)));
        await using (var db = await ContextAsync()) CaseE = await db.ReviewCases.Where(c => c.ContentItem.ExternalId == "content-e").Select(c => c.Id).SingleAsync();

        await DecideAsync(CaseF, cst(11, 10, 9), new ReviewDecisionRequest(DecisionOutcome.Escalated, "endangers_security", "请主管决定"));
        await DecideAsync(CaseF, cst(11, 11, 9), new ReviewDecisionRequest(DecisionOutcome.ReportedToRegulator, "endangers_security", null)
        {
            Report = new RegulatorReportRequest("北京市网信办", Utc(11, 11, 8), "京网信〔2026〕130号"),
        }, Manager);
        await DecideAsync(CaseG, cst(11, 12, 9), new ReviewDecisionRequest(DecisionOutcome.Removed, "fraud_impersonation", null)
        {
            Sanction = new SanctionRequest(SanctionKind.AccountClosure, "fraud_impersonation", null, null),
        });
        await DecideAsync(CaseH, cst(11, 13, 9), new ReviewDecisionRequest(DecisionOutcome.Escalated, "rumour", "需主管判断"));

        SetCst(cst(11, 15, 9));
        Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(
            new VerificationSubmission("user-snap", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", Utc(11, 15, 9))));
        await VerificationAsync(VerificationAction.Verify, null);
        await using (var manager = App.As(Manager))
        {
            var saved = await manager.Get<FilingService>().SaveAsync(new FilingForm
            {
                FilingNumber = "网信算备 110108000000000000001 号", AlgorithmName = "换脸算法", FiledOn = new DateOnly(2026, 11, 15), DisplayedAt = "App › 关于 › 算法备案",
            });
            Assert.True(saved.Succeeded);
            var assessed = await manager.Get<AssessmentService>().SaveAsync(new AssessmentForm
            {
                Subject = "换脸模型 v3", SubjectKind = AssessmentSubject.Model, Kind = AssessmentKind.ThirdParty, Status = AssessmentStatus.InProgress,
                DueDate = new DateOnly(2026, 12, 10), Findings = "评估进行中",
            });
            Assert.True(assessed.Succeeded);
        }
        SetCst(cst(12, 5, 12));
        foreach (var kind in Enum.GetValues<ExportKind>()) NovemberBefore[kind] = await NovemberDigestAsync(kind);
    }

    /// <summary>The data digest of November's export of <paramref name="kind"/>, written by the export engine as a job would.</summary>
    public async Task<string> NovemberDigestAsync(ExportKind kind)
    {
        await using var scope = App.As(Manager);
        var run = new ExportRun(November with { Kind = kind }, 1, "inspector", Utc(12, 1), ExportsOptions.MaxRowsPerSheet, null);
        using var workbook = new MemoryStream();
        return (await scope.Get<ExportEngine>().WriteAsync(run, workbook, null, CancellationToken.None)).DataDigest;
    }

    /// <summary>December's changes, once (the tests of one fixture share them).</summary>
    public async Task ChangeLaterAsync()
    {
        if (_changed) return;
        var cst = (int day, int hour) => new DateTime(2026, 12, day, hour, 0, 0);

        SetCst(cst(6, 9));
        using (var platform = App.CreateBrowserlikeClient())
        {
            platform.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, _platformKey);
            var response = await platform.PostAsJsonAsync("/api/v1/appeals", AppealTests.Appeal("snap-appeal-a", "author-a", content: "content-a"));
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }
        SetCst(cst(6, 10));
        await using (var manager = App.As(Manager))
        {
            Assert.Equal(ClaimOutcome.Claimed, (await manager.Get<ReviewClaims>().ClaimAsync(CaseA)).Outcome);
            var appealId = (await manager.Get<ReviewCaseQueryService>().GetAsync(CaseA))!.OpenAppeal!.Id;
            var version = (await manager.Get<ReviewCaseQueryService>().VersionAsync(CaseA))!.Value;
            Assert.True((await manager.Get<AppealDecisionService>().DecideAsync(appealId, version, new AppealDecisionRequest(AppealOutcome.Overturned, "misjudged", "复核后撤销"))).Succeeded);
        }

        // The platform re-sends A with another category and labels, and a label check flags it again (as ingestion leaves them).
        await using (var db = await ContextAsync())
        {
            var item = await db.ContentItems.SingleAsync(i => i.ExternalId == "content-a");
            var before = (ContentItem)db.Entry(item).CurrentValues.ToObject();
            (item.Category, item.ExplicitLabel, item.ImplicitLabel, item.ProduceId, item.MediaType) =
                (SynthesisCategory.Other, LabelStatus.Present, LabelStatus.Tampered, "produce-resent", MediaType.Image);
            item.Version++;
            // Ingestion keeps what a re-send changed; the labels register reads a past item back through it.
            db.ContentItemChanges.Add(new ContentItemChange
            {
                ContentItemId = item.Id, AtUtc = Utc(12, 6, 11), Actor = "platform", ChangesJson = ContentChanges.Between(before, item)!,
            });
            var reviewCase = await db.ReviewCases.SingleAsync(c => c.Id == CaseA);
            (reviewCase.Category, reviewCase.MediaType, reviewCase.State, reviewCase.SourceMask, reviewCase.FlagCount) =
                (SynthesisCategory.Other, MediaType.Image, ReviewCaseState.Open, ReviewSources.Bit(FlagSource.LabelCheck), 1);
            db.Flags.Add(new Flag
            {
                ReviewCaseId = CaseA, ContentItemId = item.Id, Source = FlagSource.LabelCheck, ReasonCode = "label_missing", RaisedBy = "system",
                ReceivedAtUtc = Utc(12, 6, 11), DueAtUtc = Utc(12, 7, 11),
            });
            ReviewDayCounts.Received(db.DayCountChanges, FlagSource.LabelCheck, Utc(12, 6, 11)); // as ingestion counts it
            await db.SaveChangesAsync();
        }

        SetCst(cst(7, 9));
        long closure;
        await using (var db = await ContextAsync()) closure = await db.Sanctions.Where(s => s.ReviewCaseId == CaseG).Select(s => s.Id).SingleAsync();
        await using (var manager = App.As(Manager)) Assert.True((await manager.Get<SanctionService>().LiftAsync(closure, "经复核解除")).Succeeded);

        await DecideAsync(CaseH, cst(8, 9), new ReviewDecisionRequest(DecisionOutcome.NoViolation, "compliant", null), Manager);
        var complaintE = (await FlagIdsAsync(CaseE, FlagSource.UserComplaint)).Single();
        await DecideAsync(CaseE, cst(8, 10), new ReviewDecisionRequest(DecisionOutcome.NoViolation, "compliant", null)
        {
            Feedback = [new ComplaintFeedbackRequest(complaintE, "经核查不违规。", Utc(11, 20, 18))],
        });

        await VerificationAsync(VerificationAction.Revoke, "user_request");
        await using (var manager = App.As(Manager))
        {
            var filings = manager.Get<FilingService>();
            await using var db = await ContextAsync();
            var filing = await db.AlgorithmFilings.SingleAsync();
            var saved = await filings.SaveAsync(new FilingForm
            {
                Id = filing.Id, FilingNumber = filing.FilingNumber, AlgorithmName = "换脸算法 v2", FiledOn = filing.FiledOn, DisplayedAt = "App › 设置 › 备案",
                Status = FilingStatus.Cancelled, Version = filing.Version,
            });
            Assert.True(saved.Succeeded);
            // The assessment is completed and a new one planned: neither may reach November's registry or its list of what falls due.
            var assessments = manager.Get<AssessmentService>();
            var assessment = await db.Assessments.SingleAsync();
            Assert.True((await assessments.SaveAsync(new AssessmentForm
            {
                Id = assessment.Id, Subject = "换脸模型 v3（复评）", SubjectKind = assessment.SubjectKind, Kind = assessment.Kind, Status = AssessmentStatus.Passed,
                DueDate = assessment.DueDate, Findings = "通过", Reviewer = "第三方评估机构", Version = assessment.Version,
            })).Succeeded);
            Assert.True((await assessments.SaveAsync(new AssessmentForm
            {
                Subject = "声音克隆 v1", SubjectKind = AssessmentSubject.Function, Kind = AssessmentKind.Self, Status = AssessmentStatus.Planned,
                DueDate = new DateOnly(2026, 12, 2),
            })).Succeeded);
        }
        SetCst(cst(10, 12));
        _changed = true;
    }

    private async Task VerificationAsync(VerificationAction action, string? reasonCode)
    {
        await using var db = await ContextAsync();
        var record = await db.VerificationRecords.SingleAsync(r => r.PlatformUser.ExternalId == "user-snap");
        await using var verifier = App.As(Verifier);
        var saved = await verifier.Get<VerificationDecisionService>().DecideAsync(record.Id, record.Version, new DecisionRequest(action, reasonCode, null));
        Assert.True(saved.Succeeded, $"{saved.Outcome} {saved.RefusalKey}");
    }
}
