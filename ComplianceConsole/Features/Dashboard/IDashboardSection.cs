namespace ComplianceConsole.Features.Dashboard;

/// <summary>
/// A tile another feature adds to the dashboard (appeals awaiting a decision, registry items falling due, webhook endpoints
/// disabled): its title (a localisation key), its figure, a line of detail under it, the list behind it, and whether it needs attention.
/// A tile with a <see cref="Table"/> takes a whole row and shows it under its figure (figures per reviewer).
/// </summary>
public sealed record DashboardContribution(string TitleKey, string Value, string Href, bool NeedsAttention = false, string? Detail = null,
    DashboardTable? Table = null);

/// <summary>A small table a section shows in its tile: headers (with a tooltip that defines the figure) and rows of cells, all localised text.</summary>
public sealed record DashboardTable(string Id, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? EmptyText = null);

/// <summary>A column of a <see cref="DashboardTable"/>: its header and what it counts (shown as the header's tooltip); numbers align right.</summary>
public sealed record DashboardColumn(string Header, string? Tooltip = null, bool Numeric = true);

/// <summary>
/// Registered by a feature that has something a Manager should see at a glance (<c>services.AddScoped&lt;IDashboardSection, ...&gt;()</c>).
/// Counted in the database like the dashboard's own figures; a feature that has nothing to show returns null and no tile appears. The
/// sections and tile sources are read at the same time, so each reads on a context of its own (from the context factory).
/// </summary>
public interface IDashboardSection
{
    Task<DashboardContribution?> GetAsync(DashboardPeriod period, CancellationToken cancellationToken);
}
