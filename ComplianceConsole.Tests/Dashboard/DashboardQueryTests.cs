using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Exports.Sources;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>The figures a Manager would check by hand against November's cases and four verifications (<see cref="DashboardApp"/>).</summary>
public sealed class DashboardQueryTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private async Task<DashboardFigures> FiguresAsync(DashboardRange range, DateTime nowCst, string staff = RegistersApp.Manager)
    {
        app.SetCst(nowCst);
        await using var scope = app.App.As(staff);
        return await scope.Get<DashboardQueryService>().GetAsync(range, TestContext.Current.CancellationToken);
    }

    private static VerificationDashboardFigures Verification(DashboardFigures figures) => figures.TileSets.OfType<VerificationDashboardFigures>().Single();

    private static ReviewDashboardFigures Review(DashboardFigures figures) => figures.TileSets.OfType<ReviewDashboardFigures>().Single();

    [Fact]
    public async Task Pending_verifications_are_counted_by_how_long_they_have_waited()
    {
        var figures = await FiguresAsync(DashboardRange.Days7, DashboardApp.Monday30Noon);

        Assert.Equal(new PendingVerifications(2, RegistersApp.Utc(11, 20, 9), UnderOneDay: 0, OneToThreeDays: 1, ThreeToSevenDays: 0, OverSevenDays: 1), Verification(figures).Pending);
    }

    [Fact]
    public async Task Verification_decisions_fall_on_their_China_time_day_and_every_day_of_the_period_is_listed()
    {
        var figures = await FiguresAsync(DashboardRange.Days7, DashboardApp.Monday30Noon);

        Assert.Equal(new DateOnly(2026, 11, 24), figures.Period.FirstDay);
        Assert.Equal(7, Verification(figures).Decisions.Count);
        // Rejected at 23:30 on the 29th in China, which is still the 29th there (15:30 UTC).
        Assert.Equal(new VerificationDecisionDay(new DateOnly(2026, 11, 29), Verified: 1, Rejected: 1, Other: 0), Verification(figures).Decisions[5]);
        Assert.Equal(2, Verification(figures).Decisions.Sum(d => d.Verified + d.Rejected + d.Other));
    }

    [Fact]
    public async Task The_month_shows_outcomes_time_limits_per_source_and_late_complaint_answers()
    {
        var figures = await FiguresAsync(DashboardRange.Days30, DashboardApp.Monday30Noon);

        Assert.Equal(new DateOnly(2026, 11, 1), figures.Period.FirstDay);
        Assert.Equal([new OutcomeCount(DecisionOutcome.NoViolation, 1), new OutcomeCount(DecisionOutcome.Removed, 1), new OutcomeCount(DecisionOutcome.RumourRefuted, 1)],
            Review(figures).Outcomes);
        Assert.Equal([new SourceCompliance(FlagSource.FeatureLibrary, 1, 1, 0), new SourceCompliance(FlagSource.UserComplaint, 3, 1, 2)], Review(figures).Compliance);
        Assert.Equal(33.3, Review(figures).Compliance[1].MetPercent);
        Assert.Equal(new ComplaintAnswers(Answered: 2, Late: 1), Review(figures).Complaints);
    }

    [Fact]
    public async Task The_queue_backlog_counts_open_cases_per_source_and_the_overdue_ones()
    {
        var figures = await FiguresAsync(DashboardRange.Today, DashboardApp.Monday30Noon);

        Assert.Equal(1, Review(figures).Backlog.Open);
        Assert.Equal(1, Review(figures).Backlog.Overdue);
        Assert.Equal(0, Review(figures).Backlog.Escalated);
        Assert.Equal(1, Review(figures).Backlog.BySource.Single(s => s.Source == FlagSource.UserComplaint).Open);
        Assert.Equal(0, Review(figures).Backlog.BySource.Where(s => s.Source != FlagSource.UserComplaint).Sum(s => s.Open));
    }

    [Fact]
    public async Task Today_begins_at_midnight_in_China_and_a_sanction_counts_while_in_force()
    {
        var firstInstant = await FiguresAsync(DashboardRange.Today, new DateTime(2026, 11, 1, 0, 0, 0));
        Assert.Equal([new OutcomeCount(DecisionOutcome.NoViolation, 1)], Review(firstInstant).Outcomes);

        var duringSuspension = await FiguresAsync(DashboardRange.Days7, new DateTime(2026, 11, 5, 12, 0, 0));
        Assert.Equal([new SanctionCount(SanctionKind.Suspension, 1)], Review(duringSuspension).ActiveSanctions);
        var afterIt = await FiguresAsync(DashboardRange.Days7, new DateTime(2026, 11, 10, 9, 0, 0));
        Assert.Empty(Review(afterIt).ActiveSanctions);
    }

    [Fact]
    public async Task An_auditor_may_read_the_dashboard_and_a_reviewer_may_not()
    {
        Assert.Equal(3, Review(await FiguresAsync(DashboardRange.Days30, DashboardApp.Monday30Noon, DashboardApp.Auditor)).Outcomes.Sum(o => o.Count));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => FiguresAsync(DashboardRange.Days30, DashboardApp.Monday30Noon, RegistersApp.Reviewer));
    }
}
