using System.Net.Http.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Registry;
using ComplianceConsole.Tests.Review.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>
/// The dashboard's decisions, time limits and figures per reviewer come from day counts the writes keep: after content ingestion,
/// flags, decisions one at a time and in bulk, an escalation, a reopened case, an overturning appeal and both seeders, they equal what
/// counting the decisions and flags themselves gives.
/// </summary>
public sealed class ReviewDayCountTests
{
    private const string SecondManager = "daycount.manager2@example.cn";
    private const string Reviewer = "daycount.reviewer@example.cn";

    [Fact]
    public async Task After_every_kind_of_review_write_the_dashboard_s_decisions_and_time_limits_equal_a_count_of_the_rows()
    {
        var registry = new RegistryApp(new Dictionary<string, string> { [AuditCheckpoints.IntervalConfigurationKey] = "315360000" });
        await registry.InitializeAsync();
        try
        {
            // Content and flags through the ingestion service, the older cases decided by the seeder's own statements.
            await using (var seeding = registry.App.Services.CreateAsyncScope())
            {
                await seeding.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(400, seed: 3);
            }
            await AssertFiguresMatchRowsAsync(registry);
            await registry.App.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(200, seed: 4);
            await AssertFiguresMatchRowsAsync(registry);

            var open = await OpenCasesAsync(registry);
            await DecideAsync(registry, open[0], new ReviewDecisionRequest(DecisionOutcome.NoViolation, "false_positive", null));
            await DecideAsync(registry, open[1], new ReviewDecisionRequest(DecisionOutcome.Removed, "rumour", null));
            // A reviewer's escalation is no decision of theirs; the Manager's decision on it is timed from the Manager's own claim.
            await registry.App.CreateStaffAsync(Reviewer, Roles.Reviewer);
            await DecideAsync(registry, open[6], new ReviewDecisionRequest(DecisionOutcome.Escalated, "rumour", "请主管判断"), Reviewer);
            await AssertFiguresMatchRowsAsync(registry);
            registry.Clock.Advance(TimeSpan.FromMinutes(7));
            await DecideAsync(registry, open[6], new ReviewDecisionRequest(DecisionOutcome.Removed, "rumour", "主管确认删除"));
            await AssertFiguresMatchRowsAsync(registry);

            // A reopened case decided again in bulk, without a claim and with no flag left to handle.
            await using (var scope = registry.App.As(RegistryApp.Manager))
            {
                var version = await scope.Get<ReviewCaseQueryService>().VersionAsync(open[0]);
                Assert.True((await scope.Get<ReviewDecisionService>().ReopenAsync(open[0], version!.Value, "投诉人补充了新证据")).Succeeded);
            }
            registry.Clock.Advance(TimeSpan.FromHours(2));
            await using (var scope = registry.App.As(RegistryApp.Manager))
            {
                var queued = await scope.Get<ReviewBulkDecisionService>().QueueAsync(
                    new ReviewBulkDecisionInput([open[0], .. open[2..6]], null, DecisionOutcome.NoViolation, "false_positive", "关键词误报", null), 0);
                Assert.Empty(queued.Errors);
                Assert.Equal(JobStatus.Succeeded, (await registry.App.WaitForJobAsync(RegistryApp.Manager, queued.Value)).Status);
            }
            await AssertFiguresMatchRowsAsync(registry);

            // An appeal against the removal adds a flag to its case; overturned, the case is decided again.
            await using (var db = await registry.DbAsync())
            {
                var removed = await db.ReviewCases.Where(c => c.Id == open[1]).Select(c => new { Content = c.ContentItem.ExternalId, Author = c.ContentItem.Author.ExternalId })
                    .SingleAsync();
                var sent = await registry.Platform().PostAsJsonAsync("/api/v1/appeals", AppealTests.Appeal("dc-appeal", removed.Author, content: removed.Content));
                Assert.Equal(System.Net.HttpStatusCode.Created, sent.StatusCode);
            }
            await AssertFiguresMatchRowsAsync(registry);
            // Someone other than the removal's decider decides the appeal.
            await registry.App.CreateStaffAsync(SecondManager, Roles.Manager);
            await using (var scope = registry.App.As(SecondManager))
            {
                Assert.True((await scope.Get<ReviewClaims>().ClaimAsync(open[1])).Succeeded);
                var appeal = (await scope.Get<ReviewCaseQueryService>().GetAsync(open[1]))!.OpenAppeal!.Id;
                var version = (await scope.Get<ReviewCaseQueryService>().VersionAsync(open[1]))!.Value;
                Assert.True((await scope.Get<AppealDecisionService>().DecideAsync(appeal, version, new AppealDecisionRequest(AppealOutcome.Overturned, "misjudged", "复核结论"))).Succeeded);
            }
            registry.Clock.Advance(TimeSpan.FromDays(3));
            await DecideAsync(registry, (await OpenCasesAsync(registry))[0], new ReviewDecisionRequest(DecisionOutcome.NoViolation, "false_positive", null));
            await AssertFiguresMatchRowsAsync(registry);
            await AssertFoldKeepsTheCountsAsync(registry);
            await AssertFiguresMatchRowsAsync(registry);
            await DayCountBackFill.AssertMigrationsRecountAsync(registry);
            await AssertOverdueEarlierTodayCountedAsync(registry);
            // Cases removed by hand (no feature removes one) leave the queue's size too (their flags leave the day counts wrong: the last check).
            await using (var db = await registry.DbAsync())
            {
                long[] removed = [.. (await OpenCasesAsync(registry))[^2..]];
                await db.Flags.Where(f => removed.Contains(f.ReviewCaseId)).ExecuteDeleteAsync();
                await db.ReviewCaseEvents.Where(e => removed.Contains(e.ReviewCaseId)).ExecuteDeleteAsync();
                Assert.Equal(2, await db.ReviewCases.Where(c => removed.Contains(c.Id)).ExecuteDeleteAsync());
            }
            await using (var db = await registry.DbAsync())
            await using (var scope = registry.App.As(RegistryApp.Manager))
            {
                var figures = (await scope.Get<DashboardQueryService>().GetAsync(DashboardRange.Today)).TileSets.OfType<ReviewDashboardFigures>().Single();
                await AssertBacklogMatchesRowsAsync(db, figures, registry.Clock.GetUtcNow().UtcDateTime);
            }
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    /// <summary>Every day count equals a count of the rows, and the dashboard's figures for each period equal the review aggregates counted from them.</summary>
    private static async Task AssertFiguresMatchRowsAsync(RegistryApp registry)
    {
        // Read a moment after the writes, as a Manager would: the aggregates take a flag handled at that very instant for one still open.
        registry.Clock.Advance(TimeSpan.FromSeconds(1));
        await using var db = await registry.DbAsync();
        var decisions = (await db.Decisions.AsNoTracking().Select(d => new { d.Outcome, d.DecidedAtUtc }).ToListAsync())
            .Select(d => (Kind: ReviewDayCounts.Decisions, Key: d.Outcome.ToString(), Day: ChinaTime.DayOf(d.DecidedAtUtc)));
        var flags = await db.Flags.AsNoTracking().Select(f => new { f.Source, f.ReceivedAtUtc, f.DueAtUtc, f.HandledAtUtc }).ToListAsync();
        var expected = decisions
            .Concat(flags.Select(f => (Kind: ReviewDayCounts.FlagsReceived, Key: f.Source.ToString(), Day: ChinaTime.DayOf(f.ReceivedAtUtc))))
            .Concat(flags.Where(f => f.HandledAtUtc <= f.DueAtUtc).Select(f => (Kind: ReviewDayCounts.FlagsMet, Key: f.Source.ToString(), Day: ChinaTime.DayOf(f.ReceivedAtUtc))))
            .GroupBy(k => k).Select(g => (g.Key.Kind, g.Key.Key, g.Key.Day, Count: (long)g.Count())).Order().ToList();
        string[] kinds = [ReviewDayCounts.Decisions, ReviewDayCounts.FlagsReceived, ReviewDayCounts.FlagsMet];
        var kept = (await db.DayCounts.AsNoTracking().Where(c => kinds.Contains(c.Kind) && c.Count != 0).ToListAsync())
            .Select(c => (c.Kind, c.Key, c.Day, c.Count)).Order().ToList();
        Assert.Equal(expected, kept);

        var now = registry.Clock.GetUtcNow().UtcDateTime;
        await using var scope = registry.App.As(RegistryApp.Manager);
        foreach (var range in Enum.GetValues<DashboardRange>())
        {
            var period = DashboardPeriod.Ending(now, range);
            var figures = (await scope.Get<DashboardQueryService>().GetAsync(range)).TileSets.OfType<ReviewDashboardFigures>().Single();
            var counted = await ReviewAggregates.DecisionsByDayAsync(db, period.FromUtc, period.ToUtc, byCategory: false, CancellationToken.None);
            Assert.Equal(counted.Select(d => new ReviewDecisionDay(d.Day, d.Outcome, d.Count)).OrderBy(d => d.Day).ThenBy(d => d.Outcome),
                figures.Decisions.OrderBy(d => d.Day).ThenBy(d => d.Outcome));
            var limits = await ReviewAggregates.TimeLimitsByDayAsync(db, period.FromUtc, period.ToUtc, now, CancellationToken.None);
            Assert.Equal(limits.GroupBy(l => l.Source).OrderBy(g => g.Key)
                .Select(g => new SourceCompliance(g.Key, g.Sum(l => l.Received), g.Sum(l => l.Met), g.Sum(l => l.Missed))), figures.Compliance);
        }
        await AssertBacklogMatchesRowsAsync(db, (await scope.Get<DashboardQueryService>().GetAsync(DashboardRange.Today)).TileSets.OfType<ReviewDashboardFigures>().Single(), now);
        var today = DashboardPeriod.Ending(now, DashboardRange.Today).LastDay;
        foreach (var period in Enum.GetValues<DashboardRange>().Select(r => DashboardPeriod.Ending(now, r)).Append(new(DashboardRange.Days90, today.AddDays(-400), today)))
        {
            var counted = (await ReviewerFiguresFromRows.ForPeriodAsync(db, period.FromUtc, period.ToUtc)).OrderBy(r => r.ReviewerId, StringComparer.Ordinal).ToList();
            var fromDayCounts = (await scope.Get<ReviewerStatistics>().ForDaysAsync(period.FirstDay, period.LastDay)).OrderBy(r => r.ReviewerId, StringComparer.Ordinal).ToList();
            Assert.Equal(counted.Select(r => r with { MedianHandling = null }), fromDayCounts.Select(r => r with { MedianHandling = null }));
            foreach (var (exact, fromBuckets) in counted.Zip(fromDayCounts)) AssertShownAlike(exact.MedianHandling, fromBuckets.MedianHandling);
        }
    }

    /// <summary>The hourly fold leaves a row a due day, none counting nothing, and the same counts (checked against the rows after it).</summary>
    private static async Task AssertFoldKeepsTheCountsAsync(RegistryApp registry)
    {
        await using var db = await registry.DbAsync();
        // Something to fold: days the decisions left at 0 (SQLite), or counts in the slots of the connections that wrote them (PostgreSQL).
        Assert.Contains(await db.ReviewDueDayCounts.AsNoTracking().ToListAsync(), c => c.Count == 0 || c.Slot != 0);
        await ActivatorUtilities.CreateInstance<ReviewBacklogCountsFoldJob>(registry.App.Services).Execute(null!, TestContext.Current.CancellationToken);
        var rows = await db.ReviewDueDayCounts.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(rows, c => c.Count == 0 || c.Slot != 0);
    }

    /// <summary>
    /// The overdue cases of earlier days come from their day counts, today's from the queue's index: the clock moved to a minute after the
    /// next case falls due (one not due in the day's last minutes), on the same day, that case is overdue.
    /// </summary>
    private static async Task AssertOverdueEarlierTodayCountedAsync(RegistryApp registry)
    {
        await using var db = await registry.DbAsync();
        var now = registry.Clock.GetUtcNow().UtcDateTime;
        var next = (await db.ReviewCases.Where(c => c.State == ReviewCaseState.Open && c.QueueOrder >= ReviewQueueOrder.DueBefore(now))
            .OrderBy(c => c.QueueOrder).Select(c => c.DueAtUtc).Take(20).ToListAsync()).First(due => due.TimeOfDay < TimeSpan.FromHours(23.9));
        registry.Clock.Advance(next - now + TimeSpan.FromMinutes(1));
        now = registry.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(next.Date, now.Date);
        await using var scope = registry.App.As(RegistryApp.Manager);
        var figures = (await scope.Get<DashboardQueryService>().GetAsync(DashboardRange.Today)).TileSets.OfType<ReviewDashboardFigures>().Single();
        await AssertBacklogMatchesRowsAsync(db, figures, now);
    }

    /// <summary>The queue's size on the dashboard (kept by the cases table's triggers) equals a count of the undecided cases, in all and per source.</summary>
    private static async Task AssertBacklogMatchesRowsAsync(AppDbContext db, ReviewDashboardFigures figures, DateTime now)
    {
        var cases = await db.ReviewCases.AsNoTracking().Where(c => c.State != ReviewCaseState.Decided)
            .Select(c => new { c.State, c.SourceMask, c.QueueOrder }).ToListAsync();
        var open = cases.Where(c => c.State == ReviewCaseState.Open).ToList();
        Assert.Equal(open.Count, figures.Backlog.Open);
        Assert.Equal(cases.Count(c => c.State == ReviewCaseState.Escalated), figures.Backlog.Escalated);
        Assert.Equal(Enum.GetValues<FlagSource>().Select(s => (s, open.Count(c => (c.SourceMask & ReviewSources.Bit(s)) != 0))), figures.Backlog.BySource);
        Assert.Equal(open.Count(c => c.QueueOrder < ReviewQueueOrder.DueBefore(now)), figures.Backlog.Overdue);
    }

    /// <summary>
    /// The median from the buckets shows as the exact one does (<see cref="HandlingTimeBuckets"/>) but, for an even count, the mean of the
    /// middle two buckets may show one unit below the mean of the middle two times.
    /// </summary>
    private static void AssertShownAlike(TimeSpan? exact, TimeSpan? fromBuckets)
    {
        Assert.Equal(exact is null, fromBuckets is null);
        if (exact is not { } e || fromBuckets is not { } b) return;
        var (shown, shownFromBuckets) = (HandlingTimeBuckets.Of(e), HandlingTimeBuckets.Of(b));
        var unit = shown < 60 ? 1 : shown < 86400 ? 60 : 3600;
        Assert.InRange(shown - shownFromBuckets, 0, unit);
    }

    private static async Task<long[]> OpenCasesAsync(RegistryApp registry)
    {
        await using var db = await registry.DbAsync();
        return await db.ReviewCases.Where(c => c.State == ReviewCaseState.Open && c.ClaimedById == null && c.AssignedToId == null)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(10).ToArrayAsync();
    }

    private static async Task DecideAsync(RegistryApp registry, long caseId, ReviewDecisionRequest request, string staff = RegistryApp.Manager)
    {
        await using var scope = registry.App.As(staff);
        Assert.Equal(ClaimOutcome.Claimed, (await scope.Get<ReviewClaims>().ClaimAsync(caseId)).Outcome);
        var version = await scope.Get<ReviewCaseQueryService>().VersionAsync(caseId);
        var saved = await scope.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, request);
        Assert.True(saved.Succeeded, $"{saved.Outcome} {saved.RefusalKey} {string.Join("; ", saved.Errors)}");
    }
}
