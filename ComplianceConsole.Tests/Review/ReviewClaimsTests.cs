using ComplianceConsole.Tests.Infrastructure;
using System.Collections.Concurrent;
using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review;

/// <summary>Fifty reviewers, enough for a burst of simultaneous claims.</summary>
public sealed class ClaimsApp : ReviewApp
{
    protected override int ReviewerCount => 50;
}

public sealed class ReviewClaimsTests(ClaimsApp app) : IClassFixture<ClaimsApp>
{
    private async Task<ClaimResult> AsReviewer(int reviewer, Func<ReviewClaims, Task<ClaimResult>> act)
    {
        await using var scope = app.App.As(ReviewApp.ReviewerEmail(reviewer));
        return await act(scope.Get<ReviewClaims>());
    }

    [Fact]
    public async Task Fifty_simultaneous_claims_of_one_case_from_fifty_reviewers_give_it_to_exactly_one()
    {
        await app.EmptyQueueAsync();
        var id = await app.AddCaseAsync(TimeSpan.FromHours(2), FlagSource.UserComplaint);
        var heard = new ConcurrentBag<ReviewCaseChanged>();
        using var subscription = app.App.Services.GetRequiredService<ILiveNotifier>().Subscribe<ReviewCaseChanged>(heard.Add);

        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
        {
            start.Wait();
            return AsReviewer(i, c => c.ClaimAsync(id));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Outcome == ClaimOutcome.Claimed);
        Assert.All(results.Where(r => r != winner), r =>
        {
            Assert.Equal(ClaimOutcome.HeldByOther, r.Outcome);
            Assert.Equal(winner.HolderName, r.HolderName);
        });
        var stored = await app.CaseAsync(id);
        Assert.Equal(winner.HolderName, stored.ClaimedByName);
        await using var db = await app.ContextAsync();
        Assert.Equal(1, await db.ReviewCaseEvents.CountAsync(e => e.ReviewCaseId == id && e.Kind == ReviewCaseEventKind.Claimed));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ReviewCaseClaimed && e.TargetId == id.ToString()));
        Assert.Contains(heard, m => m.CaseId == id && m.ClaimedById == stored.ClaimedById);
    }

    [Fact]
    public async Task Reviewers_pressing_start_reviewing_at_once_each_get_a_case_of_their_own()
    {
        await app.EmptyQueueAsync();
        for (var i = 0; i < 30; i++) await app.AddCaseAsync(TimeSpan.FromHours(1 + i), FlagSource.FeatureLibrary);

        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 30).Select(i => Task.Run(() =>
        {
            start.Wait();
            return AsReviewer(i, c => c.ClaimNextAsync(ReviewQueueView.All));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        Assert.All(results, r => Assert.Equal(ClaimOutcome.Claimed, r.Outcome));
        Assert.Equal(30, results.Select(r => r.CaseId).Distinct().Count());
        Assert.Equal(ClaimOutcome.QueueEmpty, (await AsReviewer(30, c => c.ClaimNextAsync(ReviewQueueView.All))).Outcome);
    }

    [Fact]
    public async Task Start_reviewing_skips_cases_others_hold_or_were_given_and_takes_mine_first()
    {
        await app.EmptyQueueAsync();
        var (me, other) = (app.Reviewers[1], app.Reviewers[2]);
        await app.AddCaseAsync(new CaseSpec(app.Now.AddHours(1), [FlagSource.RegulatorNotice], ClaimedById: other.Id, ClaimedByName: other.Email));
        await app.AddCaseAsync(new CaseSpec(app.Now.AddHours(2), [FlagSource.RegulatorNotice], AssignedToId: other.Id, AssignedToName: other.Email));
        var urgentFree = await app.AddCaseAsync(TimeSpan.FromHours(3), FlagSource.FeatureLibrary);
        var mine = await app.AddCaseAsync(new CaseSpec(app.Now.AddDays(3), [FlagSource.LabelCheck], AssignedToId: me.Id, AssignedToName: me.Email));

        Assert.Equal(mine, (await AsReviewer(1, c => c.ClaimNextAsync(ReviewQueueView.All))).CaseId);
        Assert.Equal(urgentFree, (await AsReviewer(3, c => c.ClaimNextAsync(ReviewQueueView.All))).CaseId);
        Assert.Equal(ClaimOutcome.QueueEmpty, (await AsReviewer(4, c => c.ClaimNextAsync(ReviewQueueView.All))).Outcome);
    }

    [Fact]
    public async Task Start_reviewing_stays_in_the_chosen_view()
    {
        await app.EmptyQueueAsync();
        await app.AddCaseAsync(TimeSpan.FromHours(1), FlagSource.FeatureLibrary);
        var complaint = await app.AddCaseAsync(TimeSpan.FromDays(5), FlagSource.UserComplaint);

        var result = await AsReviewer(5, c => c.ClaimNextAsync(new ReviewQueueView(ReviewQueueViewKind.Source, Source: FlagSource.UserComplaint)));

        Assert.Equal(complaint, result.CaseId);
    }

    [Fact]
    public async Task A_case_given_to_another_reviewer_is_not_mine_to_claim_but_a_manager_may_take_it()
    {
        await app.EmptyQueueAsync();
        var other = app.Reviewers[2];
        var id = await app.AddCaseAsync(new CaseSpec(app.Now.AddHours(1), [FlagSource.UserComplaint], AssignedToId: other.Id, AssignedToName: other.Email));

        var mine = await AsReviewer(6, c => c.ClaimAsync(id));
        Assert.Equal(ClaimOutcome.AssignedToOther, mine.Outcome);
        Assert.Equal(other.Email, mine.HolderName);

        await using var manager = app.App.As(ReviewApp.Manager);
        Assert.Equal(ClaimOutcome.Claimed, (await manager.Get<ReviewClaims>().ClaimAsync(id)).Outcome);
    }

    [Fact]
    public async Task An_escalated_case_waits_for_a_manager_even_when_it_was_given_to_a_reviewer()
    {
        await app.EmptyQueueAsync();
        var me = app.Reviewers[7];
        var id = await app.AddCaseAsync(new CaseSpec(app.Now.AddHours(1), [FlagSource.RegulatorNotice], State: ReviewCaseState.Escalated,
            AssignedToId: me.Id, AssignedToName: me.Email));

        Assert.Equal(ClaimOutcome.QueueEmpty, (await AsReviewer(7, c => c.ClaimNextAsync(new ReviewQueueView(ReviewQueueViewKind.Mine)))).Outcome);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => AsReviewer(7, c => c.ClaimAsync(id)));
        Assert.Null((await app.CaseAsync(id)).ClaimedById);

        await using var manager = app.App.As(ReviewApp.Manager);
        var taken = await manager.Get<ReviewClaims>().ClaimNextAsync(new ReviewQueueView(ReviewQueueViewKind.Escalated));
        Assert.Equal(id, taken.CaseId);
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_lets_the_next_reviewer_take_the_case()
    {
        await app.EmptyQueueAsync();
        var id = await app.AddCaseAsync(TimeSpan.FromHours(1), FlagSource.Staff);
        var first = await AsReviewer(8, c => c.ClaimAsync(id));
        Assert.True(first.Succeeded);

        var refused = await AsReviewer(9, c => c.ClaimAsync(id));
        Assert.Equal(ClaimOutcome.HeldByOther, refused.Outcome);
        Assert.Equal(TestApp.ShownName(ReviewApp.ReviewerEmail(8)), refused.HolderName);
        Assert.Equal(first.HeldUntilUtc, refused.HeldUntilUtc);
        Assert.Equal(ClaimOutcome.QueueEmpty, (await AsReviewer(9, c => c.ClaimNextAsync(ReviewQueueView.All))).Outcome);

        app.Clock.Advance(TimeSpan.FromMinutes(11));

        var next = await AsReviewer(9, c => c.ClaimNextAsync(ReviewQueueView.All));
        Assert.Equal(id, next.CaseId);
        Assert.Equal(TestApp.ShownName(ReviewApp.ReviewerEmail(9)), (await app.CaseAsync(id)).ClaimedByName);
    }

    [Fact]
    public async Task A_decision_typed_while_the_claim_was_renewed_lapsed_and_taken_again_is_saved_at_the_version_the_page_loaded()
    {
        var id = await app.AddCaseAsync(TimeSpan.FromHours(1), FlagSource.Staff);
        await using var reviewer = app.App.As(ReviewApp.ReviewerEmail(10));
        var claims = reviewer.Get<ReviewClaims>();
        Assert.True((await claims.ClaimAsync(id)).Succeeded);
        var loaded = (await reviewer.Get<ReviewCaseQueryService>().GetAsync(id))!.Case.Version; // what the case page holds

        Assert.NotNull(await claims.RenewAsync(id));
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await claims.ExpireClaimsAsync() >= 1);
        Assert.True((await claims.ClaimAsync(id)).Succeeded);
        Assert.NotNull(await claims.RenewAsync(id)); // as the page does just before it saves

        var result = await reviewer.Get<ReviewDecisionService>().DecideAsync(id, loaded, new(DecisionOutcome.NoViolation, "compliant", null));

        Assert.Equal(ResultOutcome.Succeeded, result.Outcome);
    }

    [Fact]
    public async Task The_expiry_sweep_returns_abandoned_cases_to_the_queue_with_history_and_an_audit_event_and_keeps_live_claims()
    {
        await app.EmptyQueueAsync();
        var abandoned = await app.AddCaseAsync(TimeSpan.FromHours(1), FlagSource.FeatureLibrary);
        var worked = await app.AddCaseAsync(TimeSpan.FromHours(2), FlagSource.FeatureLibrary);
        await AsReviewer(10, c => c.ClaimAsync(abandoned));
        await AsReviewer(11, c => c.ClaimAsync(worked));
        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await AsReviewer(11, c => c.ClaimAsync(worked)); // each action renews the lease
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var heard = new ConcurrentBag<ReviewCaseChanged>();
        using var subscription = app.App.Services.GetRequiredService<ILiveNotifier>().Subscribe<ReviewCaseChanged>(heard.Add);

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewClaims>().ExpireClaimsAsync();
        }

        var freed = await app.CaseAsync(abandoned);
        Assert.Null(freed.ClaimedById);
        Assert.Null(freed.ClaimExpiresAtUtc);
        Assert.Equal(TestApp.ShownName(ReviewApp.ReviewerEmail(11)), (await app.CaseAsync(worked)).ClaimedByName);
        await using var db = await app.ContextAsync();
        var history = await db.ReviewCaseEvents.Where(e => e.ReviewCaseId == abandoned).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Detail }).ToListAsync();
        Assert.Equal(ReviewCaseEventKind.ClaimExpired, history[^1].Kind);
        Assert.Equal(TestApp.ShownName(ReviewApp.ReviewerEmail(10)), history[^1].Detail);
        Assert.DoesNotContain(await db.ReviewCaseEvents.Where(e => e.ReviewCaseId == worked).Select(e => e.Kind).ToListAsync(), k => k == ReviewCaseEventKind.ClaimExpired);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReviewClaimsExpired && e.ActorName == "system"));
        Assert.Contains(heard, m => m.CaseId == abandoned && m.ClaimedById == null);
    }

    [Fact]
    public async Task Releasing_gives_the_case_back_and_only_its_holder_can()
    {
        await app.EmptyQueueAsync();
        var id = await app.AddCaseAsync(TimeSpan.FromHours(1), FlagSource.UserComplaint);
        await AsReviewer(12, c => c.ClaimAsync(id));

        await using (var other = app.App.As(ReviewApp.ReviewerEmail(13)))
        {
            Assert.False(await other.Get<ReviewClaims>().ReleaseAsync(id));
        }
        await using (var holder = app.App.As(ReviewApp.ReviewerEmail(12)))
        {
            Assert.True(await holder.Get<ReviewClaims>().ReleaseAsync(id));
        }

        Assert.Null((await app.CaseAsync(id)).ClaimedById);
        Assert.Equal(id, (await AsReviewer(13, c => c.ClaimNextAsync(ReviewQueueView.All))).CaseId);
        await using var db = await app.ContextAsync();
        Assert.Contains(ReviewCaseEventKind.Released, await db.ReviewCaseEvents.Where(e => e.ReviewCaseId == id).Select(e => e.Kind).ToListAsync());
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReviewCaseReleased && e.TargetId == id.ToString()));
    }

    [Fact]
    public async Task A_manager_assigns_a_case_to_a_reviewer_offered_from_enabled_reviewers_only()
    {
        await app.EmptyQueueAsync();
        var id = await app.AddCaseAsync(TimeSpan.FromHours(1), FlagSource.FeatureLibrary);
        var disabled = app.Reviewers[49];
        await using (var admin = app.App.As(Infrastructure.TestApp.AdminEmail))
        {
            Assert.True((await admin.Get<StaffService>().SetDisabledAsync(disabled.Id, true)).Succeeded);
        }
        await using var manager = app.App.As(ReviewApp.Manager);
        var claims = manager.Get<ReviewClaims>();

        var offered = await claims.ReviewersAsync();
        Assert.Contains(offered, r => r.Name == TestApp.ShownName(ReviewApp.ReviewerEmail(14)));
        Assert.Equal(offered.Select(r => r.Name).Order(StringComparer.Ordinal), offered.Select(r => r.Name));
        Assert.DoesNotContain(offered, r => r.Id == disabled.Id);
        Assert.DoesNotContain(offered, r => r.Name == TestApp.ShownName(ReviewApp.Auditor));
        Assert.False((await claims.AssignAsync(id, disabled.Id)).Succeeded);

        Assert.True((await claims.AssignAsync(id, app.Reviewers[14].Id)).Succeeded);
        Assert.Equal(TestApp.ShownName(ReviewApp.ReviewerEmail(14)), (await app.CaseAsync(id)).AssignedToName);
        Assert.Equal(ClaimOutcome.QueueEmpty, (await AsReviewer(15, c => c.ClaimNextAsync(ReviewQueueView.All))).Outcome);
        Assert.Equal(id, (await AsReviewer(14, c => c.ClaimNextAsync(ReviewQueueView.All))).CaseId);

        await using var reviewer = app.App.As(ReviewApp.ReviewerEmail(14));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => reviewer.Get<ReviewClaims>().AssignAsync(id, app.Reviewers[15].Id));
    }
}
