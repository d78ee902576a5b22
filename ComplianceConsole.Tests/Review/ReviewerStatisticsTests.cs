using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review;

/// <summary>
/// The dashboard's figures per reviewer, on decisions written with known times on 10 January 2026 (UTC): decisions, median handling time
/// (from the reviewer's claim, or the first flag handled when there was no claim), share within the time limit, overturned on appeal.
/// </summary>
public sealed class ReviewerStatisticsTests(ReviewDecisionApp app) : IClassFixture<ReviewDecisionApp>, IAsyncLifetime
{
    private static readonly DateTime Day = new(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly ChinaDay = new(2026, 1, 10); // the day of the decisions above in China Standard Time (UTC+8)

    private static DateTime At(double hours) => Day.AddHours(hours);

    public async ValueTask InitializeAsync()
    {
        if (await AnyAsync()) return; // arranged once for the class
        // The first reviewer: 10 minutes from their claim, within the limit; 30 minutes, after the flag's due time; 3 hours from the first
        // flag (a bulk decision, no claim), within, later overturned on appeal. An escalation and a decision the day before do not count.
        await DecideAsync("rs-a1", ReviewDecisionApp.Reviewer, received: At(0), due: At(4), claims: [(ReviewDecisionApp.Reviewer, At(1))], decided: At(1 + 10 / 60.0));
        await DecideAsync("rs-a2", ReviewDecisionApp.Reviewer, received: At(0), due: At(2), claims: [(ReviewDecisionApp.Reviewer, At(2))], decided: At(2.5));
        var overturned = await DecideAsync("rs-a3", ReviewDecisionApp.Reviewer, received: At(1), due: At(10), claims: [], decided: At(4));
        await DecideAsync("rs-a4", ReviewDecisionApp.Reviewer, received: At(1), due: At(10), claims: [(ReviewDecisionApp.Reviewer, At(4.5))], decided: At(5),
            outcome: DecisionOutcome.Escalated);
        await DecideAsync("rs-a5", ReviewDecisionApp.Reviewer, received: At(-12), due: At(-10.5), claims: [(ReviewDecisionApp.Reviewer, At(-11))], decided: At(-10));
        await OverturnAsync(overturned);
        // The second reviewer: 20 minutes from their own claim (the first reviewer's earlier claim is not theirs), within; 40 minutes on a
        // reopened case whose flag an earlier decision handled, so it has no time limit of its own.
        await DecideAsync("rs-b1", ReviewDecisionApp.SecondReviewer, received: At(0), due: At(3),
            claims: [(ReviewDecisionApp.Reviewer, At(0.5)), (ReviewDecisionApp.SecondReviewer, At(1))], decided: At(1 + 20 / 60.0));
        await DecideAsync("rs-b2", ReviewDecisionApp.SecondReviewer, received: At(0), due: At(3), claims: [(ReviewDecisionApp.SecondReviewer, At(1))],
            decided: At(1 + 40 / 60.0), handledEarlierAt: At(0.5));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Each_reviewers_decisions_median_time_limit_share_and_overturns_are_counted_in_the_database()
    {
        await using var scope = app.App.As(ReviewDecisionApp.Manager);
        var figures = await scope.Get<ReviewerStatistics>().ForDaysAsync(ChinaDay, ChinaDay);

        Assert.Equal(2, figures.Count);
        var first = figures[0];
        Assert.Equal(("reviewer", 3, TimeSpan.FromMinutes(30), 3, 2, 1), (first.DisplayName, first.Decisions, first.MedianHandling, first.WithLimit, first.WithinLimit, first.Overturned));
        Assert.Equal(66.7, first.WithinLimitPercent);
        var second = figures[1];
        Assert.Equal(("reviewer2", 2, TimeSpan.FromMinutes(30), 1, 1, 0), (second.DisplayName, second.Decisions, second.MedianHandling, second.WithLimit, second.WithinLimit, second.Overturned));
        Assert.Equal(100, second.WithinLimitPercent);

        // The day before (China Standard Time) holds only the first reviewer's one decision: 60 minutes from the claim, after its due time.
        var before = Assert.Single(await scope.Get<ReviewerStatistics>().ForDaysAsync(ChinaDay.AddDays(-1), ChinaDay.AddDays(-1)));
        Assert.Equal((1, TimeSpan.FromMinutes(60), 1, 0), (before.Decisions, before.MedianHandling, before.WithLimit, before.WithinLimit));
        Assert.Empty(await scope.Get<ReviewerStatistics>().ForDaysAsync(ChinaDay.AddDays(1), ChinaDay.AddDays(1)));
    }

    [Fact]
    public async Task The_dashboard_tile_shows_managers_each_reviewer_by_display_name_and_nobody_else_sees_it()
    {
        // 10 January in China Standard Time runs from 9 January 16:00 to 10 January 16:00 UTC: every decision above but the day before's.
        var period = new DashboardPeriod(DashboardRange.Today, new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10));
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            await TileAsync(period);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task TileAsync(DashboardPeriod period)
    {
        await using (var manager = app.App.As(ReviewDecisionApp.Manager))
        {
            var tile = await manager.Get<IEnumerable<IDashboardSection>>().OfType<ReviewersDashboardSection>().Single().GetAsync(period, CancellationToken.None);
            var table = tile!.Table!;
            Assert.Equal("reviewer-figures", table.Id);
            Assert.Equal(5, table.Columns.Count);
            Assert.All(table.Columns.Skip(1), c => Assert.False(string.IsNullOrWhiteSpace(c.Tooltip)));
            Assert.Equal(["reviewer", "3", "30 分钟", "66.7%（2/3）", "1"], table.Rows[0]);
            Assert.Equal(["reviewer2", "2", "30 分钟", "100%（1/1）", "0"], table.Rows[1]);
            Assert.DoesNotContain(table.Rows.SelectMany(r => r), cell => cell.Contains('@'));
            Assert.Equal("2", tile.Value);
        }
        await using (var auditor = app.App.As(ReviewDecisionApp.Auditor))
        {
            Assert.Null(await auditor.Get<IEnumerable<IDashboardSection>>().OfType<ReviewersDashboardSection>().Single().GetAsync(period, CancellationToken.None));
        }
        await using var reviewer = app.App.As(ReviewDecisionApp.Reviewer);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => reviewer.Get<ReviewerStatistics>().ForDaysAsync(ChinaDay, ChinaDay));
    }

    private async Task<bool> AnyAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Decisions.AnyAsync(d => d.DecidedAtUtc >= Day.AddDays(-1) && d.DecidedAtUtc < Day.AddDays(1));
    }

    /// <summary>A case with one flag, the claims given (as Claimed steps in its history) and one decision, with its day counts, as the decision services leave them.</summary>
    private async Task<long> DecideAsync(string contentId, string reviewer, DateTime received, DateTime due, (string Staff, DateTime At)[] claims, DateTime decided,
        DecisionOutcome outcome = DecisionOutcome.NoViolation, DateTime? handledEarlierAt = null)
    {
        var caseId = await app.CreateCaseAsync(contentId, "rs-author");
        await using var db = await app.DbAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        foreach (var (staff, at) in claims)
        {
            db.ReviewCaseEvents.Add(new ReviewCaseEvent { ReviewCaseId = caseId, Kind = ReviewCaseEventKind.Claimed, AtUtc = at, ActorId = users[staff], ActorName = staff });
        }
        var decision = new Decision
        {
            ReviewCaseId = caseId, Outcome = outcome, ReasonCode = outcome == DecisionOutcome.Escalated ? "endangers_security" : "false_positive",
            DecidedById = users[reviewer], DecidedByName = reviewer, DecidedAtUtc = decided,
        };
        db.Decisions.Add(decision);
        var claimed = claims.Where(c => c.Staff == reviewer && c.At <= decided).Select(c => (DateTime?)c.At).Max();
        ReviewerDayCounts.Decided(db.DayCountChanges, outcome, users[reviewer], decided, claimed, handledEarlierAt is null ? new HandledFlagTimes(received, due) : null);
        await db.SaveChangesAsync();
        var handled = outcome == DecisionOutcome.Escalated ? (DateTime?)null : handledEarlierAt ?? decided;
        await db.Flags.Where(f => f.ReviewCaseId == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.ReceivedAtUtc, received).SetProperty(f => f.DueAtUtc, due).SetProperty(f => f.HandledAtUtc, handled));
        return decision.Id;
    }

    private async Task OverturnAsync(long decisionId)
    {
        await using var db = await app.DbAsync();
        var decision = await db.Decisions.SingleAsync(d => d.Id == decisionId);
        var reviewCase = await db.ReviewCases.SingleAsync(c => c.Id == decision.ReviewCaseId);
        var flag = await db.Flags.FirstAsync(f => f.ReviewCaseId == reviewCase.Id);
        db.Appeals.Add(new Appeal
        {
            PlatformAppealId = "rs-appeal-" + decisionId, RequestHash = "x", ReviewCaseId = reviewCase.Id, ContentItemId = reviewCase.ContentItemId, DecisionId = decisionId,
            PlatformUserId = reviewCase.AuthorId, FlagId = flag.Id, Statement = "并非 AI 合成", ReceivedAtUtc = At(6), DueAtUtc = At(100), ReceivedBy = "api:test",
            State = AppealState.Decided, Outcome = AppealOutcome.Overturned, ReasonCode = "misjudged", DecidedAtUtc = At(8),
        });
        ReviewerDayCounts.OverturnedOnAppeal(db.DayCountChanges, decision.DecidedById!, decision.DecidedAtUtc);
        await db.SaveChangesAsync();
    }
}
