using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>The dashboard's review figures: the queue now, time limits, outcomes and decisions per day in the period, sanctions in force, complaint answers.</summary>
public sealed record ReviewDashboardFigures(DashboardPeriod Period, ReviewBacklog Backlog, IReadOnlyList<SourceCompliance> Compliance,
    IReadOnlyList<OutcomeCount> Outcomes, IReadOnlyList<ReviewDecisionDay> Decisions, IReadOnlyList<SanctionCount> ActiveSanctions,
    ComplaintAnswers Complaints) : IDashboardTileSet
{
    public Type Tiles => typeof(ReviewDashboardTiles);

    public Type Charts => typeof(ReviewDashboardCharts);
}

/// <summary>Open cases in the queue now: in all, per flag source (a case with two sources counts under both), overdue, escalated.</summary>
public sealed record ReviewBacklog(int Open, IReadOnlyList<(FlagSource Source, int Open)> BySource, int Overdue, int Escalated);

/// <summary>Flags of one source received in the period and how they fared against their time limit (<see cref="ReviewAggregates"/>).</summary>
public sealed record SourceCompliance(FlagSource Source, int Received, int Met, int Missed)
{
    /// <summary>Met of those whose time limit has been settled; none while nothing has been.</summary>
    public double? MetPercent => Met + Missed == 0 ? null : Math.Round(100.0 * Met / (Met + Missed), 1);
}

public sealed record OutcomeCount(DecisionOutcome Outcome, int Count);

/// <summary>Review decisions of one China Standard Time day with one outcome.</summary>
public sealed record ReviewDecisionDay(DateOnly Day, DecisionOutcome Outcome, int Count);

public sealed record SanctionCount(SanctionKind Kind, int Count);

/// <summary>Complainants answered in the period, and how many of those answers came after the complaint's due time.</summary>
public sealed record ComplaintAnswers(int Answered, int Late);
