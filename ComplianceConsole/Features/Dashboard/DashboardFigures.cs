namespace ComplianceConsole.Features.Dashboard;

/// <summary>Everything the dashboard shows for one period, each figure counted by the database: the features' own tiles, then their one-figure tiles.</summary>
public sealed record DashboardFigures(DashboardPeriod Period, IReadOnlyList<IDashboardTileSet> TileSets, IReadOnlyList<DashboardContribution> Contributions);
