using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review;

/// <summary>
/// Bulk decisions: a permission of their own (Managers), a selection or a filter (rule, author, source, category, label state), regulator
/// notices and unanswered complaints never closed but left out and counted, and a result that decides nothing says why.
/// </summary>
public sealed class ReviewBulkDecisionTests(ReviewDecisionApp app) : IClassFixture<ReviewDecisionApp>
{
    private const string Reviewer = ReviewDecisionApp.Reviewer;
    private const string Manager = ReviewDecisionApp.Manager;

    private static readonly TestFlag Library = new(FlagSource.FeatureLibrary, TimeSpan.FromHours(1), TimeSpan.FromHours(23));
    private static readonly TestFlag Notice = new(FlagSource.RegulatorNotice, TimeSpan.FromHours(1), TimeSpan.FromHours(3));
    private static readonly TestFlag Complaint = new(FlagSource.UserComplaint, TimeSpan.FromHours(2), TimeSpan.FromDays(14), "13812345678");
    private static readonly TestFlag Staff = new(FlagSource.Staff, TimeSpan.FromHours(1), TimeSpan.FromDays(2));

    private static ReviewBulkDecisionInput Decide(IReadOnlyList<long>? ids, ReviewBulkFilter? filter = null) =>
        new(ids, ids is null ? ReviewQueueView.All.ToQuery() : null, DecisionOutcome.NoViolation, "false_positive", "关键词误报", filter);

    [Fact]
    public void Bulk_decisions_are_a_permission_of_their_own_that_managers_hold_and_reviewers_do_not()
    {
        Assert.Contains(ReviewPermissions.BulkDecide, RolePermissions.All);
        Assert.Equal([Roles.Manager], Roles.All.Where(role => RolePermissions.Grants([role], ReviewPermissions.BulkDecide)));
        Assert.Equal(ReviewPermissions.BulkDecide, ReviewBulkDecisionService.Kind.Permission);
    }

    [Fact]
    public async Task A_reviewer_is_refused_on_the_server_and_a_manager_decides_the_selection()
    {
        var ids = new List<long> { await app.CreateCaseAsync("bk-perm-1", "bk-perm"), await app.CreateCaseAsync("bk-perm-2", "bk-perm") };

        await using (var reviewer = app.App.As(Reviewer))
        {
            var bulk = reviewer.Get<ReviewBulkDecisionService>();
            await Assert.ThrowsAsync<PermissionDeniedException>(() => bulk.CountAsync(ids, null));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => bulk.QueueAsync(Decide(ids), 2));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => bulk.DecideManyAsync(Decide(ids), _ => Task.CompletedTask, CancellationToken.None));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => bulk.FindRulesAsync("x"));
        }
        Assert.All(await StatesAsync(ids), state => Assert.Equal(ReviewCaseState.Open, state));

        var job = await RunAsync(Decide(ids));
        Assert.Equal("Review.Bulk.Result", job.Key);
        Assert.Equal(["2", "0", "0", "0", "0", "0", "0"], job.Arguments);
        Assert.All(await StatesAsync(ids), state => Assert.Equal(ReviewCaseState.Decided, state));
        var decided = await app.DetailAsync(ids[0]);
        Assert.Equal((DecisionOutcome.NoViolation, "false_positive", TestApp.ShownName(Manager)), (decided.Decision!.Outcome, decided.Decision.ReasonCode, decided.Decision.DecidedByName));
        await using var db = await app.DbAsync();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.ReviewBulkDecided && e.ActorName == Manager).ToListAsync();
        Assert.Contains(audit, e => e.Details!.Contains($"\"ids\":[{ids[0]},{ids[1]}]"));
    }

    [Fact]
    public async Task Each_filter_selects_exactly_the_cases_it_names()
    {
        var rule = await RuleAsync("bk-filter-rule");
        var otherRule = await RuleAsync("bk-filter-other-rule");
        var byRule = await app.CreateCaseAsync("bk-f-rule", "bk-f-a", Library);
        await FlaggedByAsync(byRule, rule);
        var byOtherRule = await app.CreateCaseAsync("bk-f-other-rule", "bk-f-a", Library);
        await FlaggedByAsync(byOtherRule, otherRule);
        var byAuthor = await app.CreateCaseAsync("bk-f-author", "bk-f-author-x", Staff);
        var voice = await app.CreateCaseAsync("bk-f-voice", "bk-f-a", Staff);
        await using (var db = await app.DbAsync())
        {
            await db.ReviewCases.Where(c => c.Id == voice).ExecuteUpdateAsync(s => s.SetProperty(c => c.Category, SynthesisCategory.VoiceSynthesis));
            await db.ReviewCases.Where(c => c.Id == byRule).ExecuteUpdateAsync(s => s.SetProperty(c => c.LabelStatus, LabelStatus.Tampered));
        }
        long[] mine = [byRule, byOtherRule, byAuthor, voice];

        async Task<long[]> SelectedAsync(ReviewBulkFilter filter)
        {
            await using var db = await app.DbAsync();
            var scope = await ReviewBulkDecisionService.ScopeAsync(db, null, ReviewQueueView.All, filter, null, DateTime.UtcNow, CancellationToken.None);
            return await scope.Where(c => mine.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync();
        }
        Assert.Equal([byRule], await SelectedAsync(new(RuleId: rule)));
        Assert.Equal([byAuthor], await SelectedAsync(new(AuthorExternalId: " bk-f-author-x ")));
        Assert.Empty(await SelectedAsync(new(AuthorExternalId: "nobody-we-know")));
        Assert.Equal([byAuthor, voice], await SelectedAsync(new(Source: FlagSource.Staff)));
        Assert.Equal([byRule, byOtherRule], await SelectedAsync(new(Source: FlagSource.FeatureLibrary)));
        Assert.Equal([voice], await SelectedAsync(new(Category: SynthesisCategory.VoiceSynthesis)));
        Assert.Equal([byRule], await SelectedAsync(new(Label: LabelStatus.Tampered)));
        Assert.Equal([voice], await SelectedAsync(new(AuthorExternalId: "bk-f-a", Source: FlagSource.Staff)));
        Assert.Equal(mine, await SelectedAsync(new()));

        // The rule filter as a job, on the whole queue: the rule's case is decided, nothing else is.
        await using (var manager = app.App.As(Manager))
        {
            Assert.Equal(new ReviewBulkCount(1, 0), await manager.Get<ReviewBulkDecisionService>().CountAsync(null, ReviewQueueView.All, new ReviewBulkFilter(RuleId: rule)));
            Assert.Contains(await manager.Get<ReviewBulkDecisionService>().FindRulesAsync("bk-filter-rule"), r => r.Id == rule);
        }
        var job = await RunAsync(Decide(null, new ReviewBulkFilter(RuleId: rule)));
        Assert.Equal(["1", "0", "0", "0", "0", "0", "0"], job.Arguments);
        Assert.Equal([ReviewCaseState.Decided, ReviewCaseState.Open, ReviewCaseState.Open, ReviewCaseState.Open], await StatesAsync(mine));

        // And the author filter: only that author's open case.
        job = await RunAsync(Decide(null, new ReviewBulkFilter(AuthorExternalId: "bk-f-author-x")));
        Assert.Equal(["1", "0", "0", "0", "0", "0", "0"], job.Arguments);
        Assert.Equal([ReviewCaseState.Decided, ReviewCaseState.Open, ReviewCaseState.Decided, ReviewCaseState.Open], await StatesAsync(mine));
    }

    [Fact]
    public async Task Regulator_notices_and_unanswered_complaints_are_never_closed_in_bulk_and_are_counted()
    {
        var notice = await app.CreateCaseAsync("bk-n-notice", "bk-n", Notice);
        var complaint = await app.CreateCaseAsync("bk-n-complaint", "bk-n", Complaint);
        var both = await app.CreateCaseAsync("bk-n-both", "bk-n", Notice, Complaint);
        var answered = await app.CreateCaseAsync("bk-n-answered", "bk-n", Complaint);
        var plain = await app.CreateCaseAsync("bk-n-plain", "bk-n", Library);
        await using (var db = await app.DbAsync())
        {
            var flag = await db.Flags.SingleAsync(f => f.ReviewCaseId == answered);
            db.ComplaintFeedback.Add(new ComplaintFeedback
            {
                FlagId = flag.Id, ReviewCaseId = answered, Answer = "已核查，内容不违规。", AnsweredAtUtc = DateTime.UtcNow, DueAtUtc = flag.DueAtUtc,
                RecordedByName = Reviewer, RecordedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        long[] ids = [notice, complaint, both, answered, plain];

        await using (var manager = app.App.As(Manager))
        {
            var count = await manager.Get<ReviewBulkDecisionService>().CountAsync(ids, null);
            Assert.Equal(new ReviewBulkCount(5, 0, RegulatorNotices: 2, UnansweredComplaints: 1), count);
            Assert.Equal(2, count.ToDecide);
            // The same on a filter: the author's cases.
            Assert.Equal(count, await manager.Get<ReviewBulkDecisionService>().CountAsync(null, ReviewQueueView.All, new ReviewBulkFilter(AuthorExternalId: "bk-n")));
        }

        var job = await RunAsync(Decide(ids));
        Assert.Equal("Review.Bulk.Result", job.Key);
        Assert.Equal(["2", "0", "2", "1", "0", "0", "0"], job.Arguments);
        Assert.Equal([ReviewCaseState.Open, ReviewCaseState.Open, ReviewCaseState.Open, ReviewCaseState.Decided, ReviewCaseState.Decided], await StatesAsync(ids));
        await using var db2 = await app.DbAsync();
        // The notices are still waiting for their decision; no complainant went unanswered by a bulk decision.
        Assert.All(await db2.Flags.Where(f => f.Source == FlagSource.RegulatorNotice && (f.ReviewCaseId == notice || f.ReviewCaseId == both)).ToListAsync(),
            f => Assert.Null(f.HandledAtUtc));
        Assert.Empty(await db2.Decisions.Where(d => d.ReviewCaseId == notice || d.ReviewCaseId == complaint || d.ReviewCaseId == both).ToListAsync());
        var audit = await db2.AuditEvents.Where(e => e.Action == AuditActions.ReviewBulkDecided && e.ActorName == Manager).ToListAsync();
        var event_ = Assert.Single(audit, e => e.Details!.Contains($"\"ids\":[{answered},{plain}]"));
        Assert.Contains($"\"skippedRegulatorNotice\":[{notice},{both}]", event_.Details);
        Assert.Contains($"\"skippedUnansweredComplaint\":[{complaint}]", event_.Details);
    }

    [Fact]
    public async Task A_bulk_decision_that_decides_nothing_says_why()
    {
        // A filter that matches nothing.
        var nothing = await RunAsync(Decide(null, new ReviewBulkFilter(AuthorExternalId: "bk-z-nobody")));
        Assert.Equal("Review.Bulk.None.NothingMatched", nothing.Key);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0"], nothing.Arguments);

        // A selection of cases that are all left out: one held by a reviewer, one with a notice, one decided already.
        var held = await app.CreateCaseAsync("bk-z-held", "bk-z");
        Assert.True((await app.ClaimAsync(Reviewer, held)).Succeeded);
        var notice = await app.CreateCaseAsync("bk-z-notice", "bk-z", Notice);
        var decided = await app.CreateCaseAsync("bk-z-decided", "bk-z");
        await RunAsync(Decide([decided]));
        var leftOut = await RunAsync(Decide([held, notice, decided]));
        Assert.Equal("Review.Bulk.None.AllLeftOut", leftOut.Key);
        Assert.Equal(["0", "1", "1", "0", "0", "1", "0"], leftOut.Arguments);

        // A decision that breaks the rules is refused, and says which rule, in the reader's language.
        await using var manager = app.App.As(Manager);
        var invalid = await manager.Get<ReviewBulkDecisionService>().DecideManyAsync(Decide([held]) with { Outcome = DecisionOutcome.RumourRefuted },
            _ => Task.CompletedTask, CancellationToken.None);
        Assert.Equal(ResultOutcome.Invalid, invalid.Outcome);
        var refusal = ReviewBulkDecisionJob.Refused(invalid.Errors);
        Assert.Equal("Review.Bulk.None.Invalid", refusal.Summary.Key);
        Assert.Contains(refusal.Lines!, line => line.Reason.Key == "Review.Bulk.OutcomeNotAllowed");

        // Every summary key, and the refusal's reason, exists in both languages.
        var resources = new System.Resources.ResourceManager(typeof(ComplianceConsole.Localization.SharedResource));
        var keys = new[] { ReviewBulkWhy.NothingMatched, ReviewBulkWhy.AllLeftOut, ReviewBulkWhy.AllConflicts, "Invalid", ReviewBulkWhy.Cancelled }
            .Select(why => $"Review.Bulk.None.{why}").Concat(refusal.Lines!.Select(line => line.Reason.Key));
        foreach (var key in keys)
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var text = resources.GetString(key, new System.Globalization.CultureInfo(culture));
                Assert.False(string.IsNullOrWhiteSpace(text), $"{key} ({culture})");
            }
        }
    }

    private async Task<Features.Jobs.JobMessage> RunAsync(ReviewBulkDecisionInput input)
    {
        await using var scope = app.App.As(Manager);
        var queued = await scope.Get<ReviewBulkDecisionService>().QueueAsync(input, 0);
        Assert.Empty(queued.Errors);
        var job = await app.App.WaitForJobAsync(Manager, queued.Value);
        return job.Result!.Summary;
    }

    private async Task<ReviewCaseState[]> StatesAsync(IEnumerable<long> ids)
    {
        var states = new List<ReviewCaseState>();
        foreach (var id in ids) states.Add((await app.DetailAsync(id)).Case.State);
        return [.. states];
    }

    private async Task<long> RuleAsync(string value)
    {
        await using var db = await app.DbAsync();
        var rule = new FeatureRule
        {
            Kind = FeatureRuleKind.Keyword, Value = value, ReasonCode = "rumour", CreatedAtUtc = DateTime.UtcNow, CreatedByName = Manager,
            UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = Manager,
        };
        db.FeatureRules.Add(rule);
        await db.SaveChangesAsync();
        return rule.Id;
    }

    private async Task FlaggedByAsync(long caseId, long ruleId)
    {
        await using var db = await app.DbAsync();
        await db.Flags.Where(f => f.ReviewCaseId == caseId && f.Source == FlagSource.FeatureLibrary).ExecuteUpdateAsync(s => s.SetProperty(f => f.FeatureRuleId, ruleId));
    }
}
