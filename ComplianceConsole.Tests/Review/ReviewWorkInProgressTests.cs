using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review;

/// <summary>What keeps a reviewer's work while they do it: the claim's heartbeat, their draft, the version a decision is checked against, internal notes.</summary>
public sealed class ReviewWorkInProgressTests(ReviewDecisionApp app) : IClassFixture<ReviewDecisionApp>
{
    private static readonly TestFlag Complaint = new(FlagSource.UserComplaint, TimeSpan.FromHours(1), TimeSpan.FromDays(5), "13812345678");

    [Fact]
    public async Task Keeping_a_claim_alive_extends_it_without_a_history_line_or_a_new_case_version()
    {
        var id = await app.CreateCaseAsync("wip-renew", "wip-author", Complaint);
        var before = (await app.DetailAsync(id)).Case.Version;
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.Reviewer, id)).Succeeded);
        var claimed = (await app.DetailAsync(id)).Case;

        await using (var reviewer = app.App.As(ReviewDecisionApp.Reviewer))
        {
            Assert.NotNull(await reviewer.Get<ReviewClaims>().RenewAsync(id));
        }
        await using (var other = app.App.As(ReviewDecisionApp.SecondReviewer))
        {
            Assert.Null(await other.Get<ReviewClaims>().RenewAsync(id)); // only the holder keeps a claim alive
        }

        var after = await app.DetailAsync(id);
        Assert.Equal(before, after.Case.Version); // a claim is not a change to the case: a decision typed meanwhile still fits
        Assert.True(after.Case.ClaimExpiresAtUtc >= claimed.ClaimExpiresAtUtc);
        Assert.Single(after.History, e => e.Kind == ReviewCaseEventKind.Claimed);
    }

    [Fact]
    public async Task A_decision_typed_while_someone_else_changed_the_case_meets_a_conflict()
    {
        var id = await app.CreateCaseAsync("wip-conflict", "wip-author", Complaint);
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.Reviewer, id)).Succeeded);
        var versionWhenOpened = (await app.DetailAsync(id)).Case.Version;
        await using (var manager = app.App.As(ReviewDecisionApp.Manager))
        {
            var reviewers = await manager.Get<ReviewClaims>().ReviewersAsync();
            Assert.True((await manager.Get<ReviewClaims>().AssignAsync(id, reviewers.First(r => r.Name == "reviewer2").Id)).Succeeded);
        }
        await using var reviewer = app.App.As(ReviewDecisionApp.Reviewer);
        Assert.NotNull(await reviewer.Get<ReviewClaims>().RenewAsync(id));

        var result = await reviewer.Get<ReviewDecisionService>().DecideAsync(id, versionWhenOpened, new(DecisionOutcome.NoViolation, "compliant", null));

        Assert.Equal(ResultOutcome.Conflict, result.Outcome);
    }

    [Fact]
    public async Task A_draft_is_kept_per_person_and_case_encrypted_and_is_gone_once_the_case_is_decided()
    {
        var id = await app.CreateCaseAsync("wip-draft", "wip-author", Complaint);
        var draft = new CaseDraft { Decision = new DecisionForm { Outcome = DecisionOutcome.Removed, ReasonCode = "rumour", Note = "联系人 13812345678 已核实" }, Note = "给同事" };
        draft.Decision.Feedback[42] = new FeedbackForm { Answer = "已删除", AnsweredAt = new DateTime(2026, 12, 1, 10, 30, 0) };
        await using (var reviewer = app.App.As(ReviewDecisionApp.Reviewer))
        {
            await reviewer.Get<ReviewDraftService>().SaveAsync(id, draft);
            var back = await reviewer.Get<ReviewDraftService>().GetAsync(id);
            Assert.Equal(ReviewDraftService.Fingerprint(draft), ReviewDraftService.Fingerprint(back!));
            Assert.Equal(new DateTime(2026, 12, 1, 10, 30, 0), back!.Decision!.Feedback[42].AnsweredAt);
        }
        await using (var other = app.App.As(ReviewDecisionApp.SecondReviewer))
        {
            Assert.Null(await other.Get<ReviewDraftService>().GetAsync(id)); // my draft is mine
        }
        await using (var db = await app.DbAsync())
        {
            var stored = await db.ReviewDrafts.SingleAsync(d => d.ReviewCaseId == id);
            Assert.DoesNotContain("13812345678", System.Text.Encoding.UTF8.GetString(stored.ContentCipher));
        }

        Assert.True((await app.ClaimAsync(ReviewDecisionApp.Reviewer, id)).Succeeded);
        Assert.True((await app.DecideAsync(ReviewDecisionApp.Reviewer, id, new(DecisionOutcome.NoViolation, "compliant", null))).Succeeded);

        await using (var reviewer = app.App.As(ReviewDecisionApp.Reviewer))
        {
            Assert.Null(await reviewer.Get<ReviewDraftService>().GetAsync(id));
        }
    }

    [Fact]
    public async Task The_decider_of_an_appealed_decision_is_never_given_the_case_to_decide_the_appeal()
    {
        var id = await app.CreateCaseAsync("wip-appeal", "wip-appeal-author", Complaint);
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.Reviewer, id)).Succeeded);
        Assert.True((await app.DecideAsync(ReviewDecisionApp.Reviewer, id, new(DecisionOutcome.Removed, "rumour", null))).Succeeded);
        var appeal = await app.Platform().PostAsJsonAsync("/api/v1/appeals", Appeals.AppealTests.Appeal("wip-appeal-1", "wip-appeal-author", content: "wip-appeal"));
        Assert.True(appeal.IsSuccessStatusCode, await appeal.Content.ReadAsStringAsync());

        Assert.Equal(ClaimOutcome.OwnDecisionAppealed, (await app.ClaimAsync(ReviewDecisionApp.Reviewer, id)).Outcome);
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.SecondReviewer, id)).Succeeded);
    }

    [Fact]
    public async Task An_internal_note_joins_the_history_with_its_audit_event_and_a_reader_may_not_write_one()
    {
        var id = await app.CreateCaseAsync("wip-note", "wip-author", Complaint);
        await using (var reviewer = app.App.As(ReviewDecisionApp.Reviewer))
        {
            var notes = reviewer.Get<CaseNotesService>();
            Assert.Equal(ResultOutcome.Invalid, (await notes.AddAsync(id, "   ")).Outcome);
            var tooLong = await notes.AddAsync(id, new string('长', ContentRules.MaxNoteLength + 1));
            Assert.Equal(("Note", "Review.TextTooLong"), (tooLong.Errors.Single().Field, tooLong.Errors.Single().MessageKey));
            Assert.True((await notes.AddAsync(id, "已向平台索取原始视频")).Succeeded);
        }
        await using (var auditor = app.App.As(ReviewDecisionApp.Auditor))
        {
            await Assert.ThrowsAsync<ComplianceConsole.Security.PermissionDeniedException>(() => auditor.Get<CaseNotesService>().AddAsync(id, "审计不应写备注"));
        }

        var note = Assert.Single((await app.DetailAsync(id)).History, e => e.Kind == ReviewCaseEventKind.Note);
        Assert.Equal(("已向平台索取原始视频", "reviewer"), (note.Detail, note.ActorName)); // named by display name, not e-mail
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ReviewCaseNoted && e.TargetId == id.ToString()));
    }
}
