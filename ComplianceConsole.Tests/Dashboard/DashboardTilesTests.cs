using Bunit;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Tests.Shell;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>Each tile leads to the list behind its figure, filtered to it.</summary>
public sealed class DashboardTilesTests : ShellTestContext
{
    private static readonly DashboardPeriod November = new(DashboardRange.Days30, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static readonly DashboardFigures Figures = new(
        November,
        [
            new VerificationDashboardFigures(
                November,
                new DateTime(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc),
                new PendingVerifications(2, new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc), 0, 1, 0, 1),
                Enumerable.Range(0, 30).Select(i => new VerificationDecisionDay(November.FirstDay.AddDays(i), 1, 0, 0)).ToList()),
            new ReviewDashboardFigures(
                November,
                new ReviewBacklog(3, Enum.GetValues<FlagSource>().Select(s => (s, 1)).ToList(), Overdue: 2, Escalated: 1),
                [new SourceCompliance(FlagSource.UserComplaint, 3, 1, 2)],
                [new OutcomeCount(DecisionOutcome.Removed, 4)],
                [new ReviewDecisionDay(new DateOnly(2026, 11, 3), DecisionOutcome.Removed, 4)],
                [new SanctionCount(SanctionKind.Suspension, 1)],
                new ComplaintAnswers(2, 1)),
        ],
        []);

    private IRenderedComponent<DashboardTiles> Render() => Render<DashboardTiles>(p => p.Add(t => t.Figures, Figures));

    private static string Href(IRenderedComponent<DashboardTiles> tiles, string selector) => tiles.Find(selector).GetAttribute("href")!;

    [Fact]
    public void Verification_tiles_open_the_records_grid_filtered()
    {
        var tiles = Render();

        Assert.Equal("verification?status=Pending&sort=SubmittedOldest", Href(tiles, "#tile-pending a.tile-link"));
        Assert.Equal("verification?decidedFrom=2026-11-01&decidedTo=2026-11-30&sort=DecidedNewest", Href(tiles, "#tile-verification-decisions a.tile-link"));
    }

    [Fact]
    public void Queue_tiles_open_the_queue_view_of_their_figure()
    {
        var tiles = Render();

        Assert.Equal("review?view=overdue", Href(tiles, "#tile-overdue a.tile-link"));
        Assert.Equal("review?view=escalated", Href(tiles, "#tile-escalated a.tile-link"));
        Assert.Equal("review?view=all", Href(tiles, "#tile-backlog a.tile-link"));
        Assert.Equal("review?view=source%3AUserComplaint", Href(tiles, "#backlog-UserComplaint"));
        Assert.Equal("review?view=source%3ARegulatorNotice", Href(tiles, "#backlog-RegulatorNotice"));
        Assert.Equal("review?view=source%3AUserComplaint", Href(tiles, "#compliance-UserComplaint"));
        Assert.Equal("33.3%", tiles.Find("#tile-compliance .tile-value").TextContent);
    }

    [Fact]
    public void Register_tiles_open_the_export_page_with_the_kind_period_and_filter()
    {
        var tiles = Render();

        Assert.Equal("exports?kind=ComplaintsRegister&from=2026-11-01&to=2026-11-30&filter.timeLimit=Late", Href(tiles, "#tile-complaints-late a.tile-link"));
        Assert.Equal("exports?kind=ContentHandlingRecords&from=2026-11-01&to=2026-11-30&filter.outcome=Removed", Href(tiles, "#outcome-Removed"));
        Assert.Equal("exports?kind=SanctionsRegister&from=2026-11-01&to=2026-11-30&filter.sanctionKind=Suspension", Href(tiles, "#sanctions-Suspension"));
    }

    [Fact]
    public void Other_features_tiles_appear_only_when_they_have_something_and_nothing_stands_in_for_them()
    {
        Assert.Empty(Render().FindAll("[id^=tile-more-]"));

        var withAppeals = Render<DashboardTiles>(p => p.Add(t => t.Figures,
            Figures with { Contributions = [new DashboardContribution("Nav.Dashboard", "5", "appeals?state=open", NeedsAttention: true)] }));
        var tile = withAppeals.Find("#tile-more-0");
        Assert.Equal("5", tile.QuerySelector(".tile-value")!.TextContent);
        Assert.Equal("appeals?state=open", tile.QuerySelector("a")!.GetAttribute("href"));
    }
}
