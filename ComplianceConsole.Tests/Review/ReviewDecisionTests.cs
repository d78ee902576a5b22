using ComplianceConsole.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review;

public sealed class ReviewDecisionTests(ReviewDecisionApp app) : IClassFixture<ReviewDecisionApp>
{
    private const string Reviewer = ReviewDecisionApp.Reviewer;
    private const string Manager = ReviewDecisionApp.Manager;

    private static readonly TestFlag LateComplaint = new(FlagSource.UserComplaint, TimeSpan.FromDays(20), TimeSpan.FromDays(-1), "13812345678");
    private static readonly TestFlag TimelyComplaint = new(FlagSource.UserComplaint, TimeSpan.FromHours(2), TimeSpan.FromDays(14), "fan@example.cn");

    [Fact]
    public async Task A_complainants_contact_is_shown_unmasked_only_for_a_reason_and_the_look_is_audited_first()
    {
        var caseId = await app.CreateCaseAsync("c-contact", "author-contact", TimelyComplaint);
        var flagId = (await app.DetailAsync(caseId)).Flags.Single().Id;
        await using (var reviewer = app.App.As(Reviewer))
        {
            var reveal = reviewer.Get<ComplainantRevealService>();
            Assert.Equal("Reveal.ReasonRequired", (await reveal.RevealAsync(flagId, " ")).RefusalKey);
            Assert.Equal("Review.Case.NotFound", (await reveal.RevealAsync(-1, "答复投诉人")).RefusalKey);
            Assert.Equal("fan@example.cn", (await reveal.RevealAsync(flagId, "答复投诉人")).Value);
        }
        await using var db = await app.DbAsync();
        var audited = await db.AuditEvents.Where(e => e.Action == AuditActions.PiiRevealed && e.TargetId == flagId.ToString()).SingleAsync();
        Assert.Contains("答复投诉人", audited.Details);
        Assert.DoesNotContain("fan@example.cn", audited.Details);
        await using var auditor = app.App.As(ReviewDecisionApp.Auditor);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => auditor.Get<ComplainantRevealService>().RevealAsync(flagId, "我想看看"));
    }

    [Fact]
    public async Task A_decision_with_a_sanction_and_complaint_answers_is_recorded_whole_and_counts_the_late_answer()
    {
        var caseId = await app.CreateCaseAsync("c-whole", "author-whole", LateComplaint, TimelyComplaint);
        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded);
        var complaints = (await app.DetailAsync(caseId)).UnansweredComplaints.Select(f => f.Id).ToList();
        Assert.Equal(2, complaints.Count);

        var saved = await app.DecideAsync(Reviewer, caseId, new ReviewDecisionRequest(DecisionOutcome.Removed, "rumour", "AI 合成的虚假退圈视频")
        {
            Sanction = new SanctionRequest(SanctionKind.Suspension, null, null, DateTime.UtcNow.AddDays(7)) with { ReasonCode = "rumour" },
            Feedback = complaints.Select(id => new ComplaintFeedbackRequest(id, "经核查，该视频为 AI 合成谣言，已删除。", null)).ToList(),
        });
        Assert.Equal(ResultOutcome.Succeeded, saved.Outcome);

        var detail = await app.DetailAsync(caseId);
        Assert.Equal(ReviewCaseState.Decided, detail.Case.State);
        Assert.Null(detail.Case.ClaimedById);
        Assert.Equal((DecisionOutcome.Removed, "rumour", "reviewer"), (detail.Decision!.Outcome, detail.Decision.ReasonCode, detail.Decision.DecidedByName));
        Assert.Equal([true, false], detail.Flags.Select(f => f.Feedback!.IsLate)); // the first complaint was due yesterday
        Assert.Empty(detail.UnansweredComplaints);
        Assert.Equal(SanctionKind.Suspension, Assert.Single(detail.AuthorSanctions, s => s.IsActive).Kind);
        Assert.Equal([ReviewCaseEventKind.Flagged, ReviewCaseEventKind.Flagged, ReviewCaseEventKind.Claimed, ReviewCaseEventKind.Sanctioned,
            ReviewCaseEventKind.ComplaintAnswered, ReviewCaseEventKind.ComplaintAnswered, ReviewCaseEventKind.Decided], detail.History.Select(e => e.Kind));
        Assert.All(detail.History.Skip(2), e => Assert.Equal(TestApp.ShownName(Reviewer), e.ActorName));

        await using var db = await app.DbAsync();
        var audited = await db.AuditEvents.Where(e => e.TargetId != null && (e.Action == AuditActions.ReviewCaseDecided || e.Action == AuditActions.SanctionImposed))
            .OrderBy(e => e.Sequence).ToListAsync();
        var decided = Assert.Single(audited, e => e.Action == AuditActions.ReviewCaseDecided && e.TargetId == caseId.ToString());
        Assert.Contains("\"lateAnswers\":1", decided.Details);
        Assert.Contains("\"Outcome\":\"Removed\"", decided.Details);
        Assert.Contains(audited, e => e.Action == AuditActions.SanctionImposed && e.Details!.Contains("Suspension"));
        Assert.Equal(1, await db.ComplaintFeedback.CountAsync(f => f.ReviewCaseId == caseId && f.IsLate));
    }

    [Fact]
    public async Task Deciding_a_case_one_does_not_hold_is_refused_and_changes_nothing()
    {
        var caseId = await app.CreateCaseAsync("c-unheld", "author-unheld");
        var request = new ReviewDecisionRequest(DecisionOutcome.NoViolation, "false_positive", null);

        Assert.Equal("Review.Decide.NotHeld", (await app.DecideAsync(Reviewer, caseId, request)).RefusalKey);
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.SecondReviewer, caseId)).Succeeded);
        Assert.Equal("Review.Decide.NotHeld", (await app.DecideAsync(Reviewer, caseId, request)).RefusalKey);

        await using (var db = await app.DbAsync())
        {
            // The second reviewer's lease ran out: not even the one who held it may decide on it any more.
            await db.ReviewCases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)));
        }
        Assert.Equal("Review.Decide.NotHeld", (await app.DecideAsync(ReviewDecisionApp.SecondReviewer, caseId, request)).RefusalKey);
        var detail = await app.DetailAsync(caseId);
        Assert.Equal(ReviewCaseState.Open, detail.Case.State);
        Assert.Null(detail.Decision);
        Assert.DoesNotContain(detail.History, e => e.Kind == ReviewCaseEventKind.Decided);
    }

    [Fact]
    public async Task An_escalated_case_leaves_the_reviewer_and_a_manager_decides_it()
    {
        var caseId = await app.CreateCaseAsync("c-escalate", "author-escalate");
        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded);
        var escalate = new ReviewDecisionRequest(DecisionOutcome.Escalated, "endangers_security", null);
        Assert.Equal("Note", Assert.Single((await app.DecideAsync(Reviewer, caseId, escalate)).Errors).Field);
        Assert.True((await app.DecideAsync(Reviewer, caseId, escalate with { Note = "涉及时政人物，请主管判断" })).Succeeded);

        var escalated = await app.DetailAsync(caseId);
        Assert.Equal(ReviewCaseState.Escalated, escalated.Case.State);
        Assert.Null(escalated.Case.ClaimedById);
        Assert.Null(escalated.Decision);
        var final = new ReviewDecisionRequest(DecisionOutcome.Removed, "endangers_security", "主管确认删除");
        Assert.Equal("Review.Decide.EscalatedNeedsManager", (await app.DecideAsync(Reviewer, caseId, final)).RefusalKey);

        Assert.True((await app.ClaimAsync(Manager, caseId)).Succeeded);
        Assert.Equal("Review.Decide.AlreadyEscalated", (await app.DecideAsync(Manager, caseId, escalate with { Note = "再上报" })).RefusalKey);
        Assert.True((await app.DecideAsync(Manager, caseId, final)).Succeeded);
        var decided = await app.DetailAsync(caseId);
        Assert.Equal((ReviewCaseState.Decided, DecisionOutcome.Removed, "manager"), (decided.Case.State, decided.Decision!.Outcome, decided.Decision.DecidedByName));
        Assert.Equal([ReviewCaseEventKind.Escalated, ReviewCaseEventKind.Claimed, ReviewCaseEventKind.Decided], decided.History.Skip(2).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_manager_reopens_a_decision_with_a_reason_and_the_history_keeps_it()
    {
        var caseId = await app.CreateCaseAsync("c-reopen", "author-reopen");
        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded);
        Assert.True((await app.DecideAsync(Reviewer, caseId, new(DecisionOutcome.NoViolation, "false_positive", null))).Succeeded);
        var version = (await app.DetailAsync(caseId)).Case.Version;

        await using (var reviewer = app.App.As(Reviewer))
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => reviewer.Get<ReviewDecisionService>().ReopenAsync(caseId, version, "我想再看看"));
        }
        await using var manager = app.App.As(Manager);
        Assert.Equal(ResultOutcome.Invalid, (await manager.Get<ReviewDecisionService>().ReopenAsync(caseId, version, "  ")).Outcome);
        Assert.True((await manager.Get<ReviewDecisionService>().ReopenAsync(caseId, version, "投诉人补充了新证据")).Succeeded);

        var reopened = await app.DetailAsync(caseId);
        Assert.Equal(ReviewCaseState.Open, reopened.Case.State);
        Assert.Null(reopened.Decision);
        var step = reopened.History[^1];
        Assert.Equal((ReviewCaseEventKind.Reopened, TestApp.ShownName(Manager), "投诉人补充了新证据"), (step.Kind, step.ActorName, step.Detail));
        Assert.Contains(reopened.History, e => e.Kind == ReviewCaseEventKind.Decided && e.ActorName == TestApp.ShownName(Reviewer));
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.ReviewCaseId == caseId));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReviewCaseReopened && e.TargetId == caseId.ToString()));

        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded); // back in the queue: a new decision follows
        Assert.True((await app.DecideAsync(Reviewer, caseId, new(DecisionOutcome.LabelRequired, "label_missing", null))).Succeeded);
        Assert.Equal(DecisionOutcome.LabelRequired, (await app.DetailAsync(caseId)).Decision!.Outcome);
    }

    [Fact]
    public async Task A_decision_on_a_case_changed_meanwhile_is_told_of_the_conflict()
    {
        var caseId = await app.CreateCaseAsync("c-conflict", "author-conflict");
        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded);
        var seen = (await app.DetailAsync(caseId)).Case.Version;
        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded); // renewed from another tab: the case itself did not change
        await using (var manager = app.App.As(Manager))
        {
            var reviewers = await manager.Get<ReviewClaims>().ReviewersAsync();
            Assert.True((await manager.Get<ReviewClaims>().AssignAsync(caseId, reviewers.Single(r => r.Name == "reviewer").Id)).Succeeded); // this does
        }
        await using var scope = app.App.As(Reviewer);
        var result = await scope.Get<ReviewDecisionService>().DecideAsync(caseId, seen, new(DecisionOutcome.NoViolation, "compliant", null));
        Assert.Equal(ResultOutcome.Conflict, result.Outcome);
        Assert.Equal(ReviewCaseState.Open, (await app.DetailAsync(caseId)).Case.State);
    }

    [Fact]
    public async Task A_managers_bulk_decision_runs_as_a_job_and_skips_the_case_another_reviewer_holds()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await app.CreateCaseAsync($"c-bulk-{i}", "author-bulk"));
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.SecondReviewer, ids[1])).Succeeded);

        await using var scope = app.App.As(Manager);
        var bulk = scope.Get<ReviewBulkDecisionService>();
        Assert.Equal(new ReviewBulkCount(3, 1), await bulk.CountAsync(ids, null));
        var refused = await bulk.QueueAsync(new ReviewBulkDecisionInput(ids, null, DecisionOutcome.RumourRefuted, "rumour", null), 3);
        Assert.Equal(ResultOutcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Errors, e => e.MessageKey == "Review.Bulk.OutcomeNotAllowed");

        var queued = await bulk.QueueAsync(new ReviewBulkDecisionInput(ids, null, DecisionOutcome.NoViolation, "false_positive", "关键词误报"), 3);
        Assert.Empty(queued.Errors);
        var job = await app.App.WaitForJobAsync(Manager, queued.Value);
        Assert.Equal("Review.Bulk.Result", job.Result!.Summary.Key);
        Assert.Equal(["2", "1", "0", "0", "0", "0", "0"], job.Result.Summary.Arguments);

        Assert.Equal([ReviewCaseState.Decided, ReviewCaseState.Open, ReviewCaseState.Decided], await Task.WhenAll(ids.Select(async id => (await app.DetailAsync(id)).Case.State)));
        var decided = await app.DetailAsync(ids[0]);
        Assert.Equal((DecisionOutcome.NoViolation, "false_positive", "关键词误报"), (decided.Decision!.Outcome, decided.Decision.ReasonCode, decided.Decision.Note));
        Assert.Equal(ReviewCaseEventKind.Decided, decided.History[^1].Kind);
        await using var db = await app.DbAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ReviewBulkDecided && e.ActorName == Manager);
        Assert.Contains($"\"skippedHeldByOthers\":[{ids[1]}]", audit.Details);
        // The decided cases' flags count as handled for their time limits; the skipped one's does not.
        Assert.Equal([true, false, true], await db.Flags.Where(f => ids.Contains(f.ReviewCaseId)).OrderBy(f => f.ReviewCaseId).Select(f => f.HandledAtUtc != null).ToListAsync());
    }

    [Fact]
    public async Task A_sanction_in_force_makes_the_eligibility_api_say_no_with_its_kind_and_end_and_a_warning_only_shows()
    {
        const string author = "author-eligibility";
        Assert.Equal(SubmissionOutcome.Created, await app.App.SubmitDirectlyAsync(new VerificationSubmission(author, null, null, VerificationMethod.MobileNumber,
            "13900001111", "王芳", DateTime.UtcNow.AddDays(-3))));
        await using (var db = await app.DbAsync())
        {
            await db.VerificationRecords.Where(r => r.PlatformUser.ExternalId == author)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, VerificationStatus.Verified).SetProperty(r => r.DecidedAtUtc, DateTime.UtcNow.AddDays(-2)));
        }
        async Task<JsonElement> Ask() => await app.Platform().GetFromJsonAsync<JsonElement>($"/api/v1/users/{author}/eligibility");
        Assert.True((await Ask()).GetProperty("eligible").GetBoolean());

        async Task SanctionAsync(string contentId, SanctionKind kind, DateTime? endsAt)
        {
            var caseId = await app.CreateCaseAsync(contentId, author);
            Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded);
            Assert.True((await app.DecideAsync(Reviewer, caseId, new(DecisionOutcome.Removed, "fake_news", null) { Sanction = new(kind, "fake_news", null, endsAt) })).Succeeded);
        }

        await SanctionAsync("c-elig-warning", SanctionKind.Warning, null);
        var warned = await Ask();
        Assert.True(warned.GetProperty("eligible").GetBoolean());
        Assert.Equal(("Verified", "Warning"), (warned.GetProperty("reason").GetString(), warned.GetProperty("sanction").GetString()));

        var end = DateTime.UtcNow.AddDays(7);
        await SanctionAsync("c-elig-suspension", SanctionKind.Suspension, end);
        var suspended = await Ask();
        Assert.False(suspended.GetProperty("eligible").GetBoolean());
        Assert.Equal(("Sanctioned", "Suspension"), (suspended.GetProperty("reason").GetString(), suspended.GetProperty("sanction").GetString()));
        Assert.Equal(end, suspended.GetProperty("sanctionEndsAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromSeconds(1));

        await using var manager = app.App.As(Manager);
        var sanctions = manager.Get<SanctionService>();
        var caseAuthor = (await app.DetailAsync((await app.DbAsync()).ReviewCases.Single(c => c.ContentItem.ExternalId == "c-elig-suspension").Id)).Author;
        // The case page names the author's latest verification, which Verification answers (IPlatformUserVerifications).
        Assert.Equal(new LatestVerification(nameof(VerificationStatus.Verified), nameof(VerificationMethod.MobileNumber)), caseAuthor.Verification);
        var authorId = caseAuthor.Id;
        var suspension = (await sanctions.ListAsync(authorId)).Single(s => s.Kind == SanctionKind.Suspension);
        Assert.True((await sanctions.LiftAsync(suspension.Id, "申诉成功，提前解除")).Succeeded);
        Assert.Equal("Review.Sanction.NotInForce", (await sanctions.LiftAsync(suspension.Id, "再次解除")).RefusalKey);
        var lifted = await Ask();
        Assert.True(lifted.GetProperty("eligible").GetBoolean());
        Assert.Equal("Warning", lifted.GetProperty("sanction").GetString());
    }
}
