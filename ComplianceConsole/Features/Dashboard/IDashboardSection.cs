namespace ComplianceConsole.Features.Dashboard;

/// <summary>
/// A tile another feature adds to the dashboard (appeals awaiting a decision, registry items falling due, webhook endpoints
/// disabled): its title (a localisation key), its figure, a line of detail under it, the list behind it, and whether it needs attention.
/// </summary>
public sealed record DashboardContribution(string TitleKey, string Value, string Href, bool NeedsAttention = false, string? Detail = null);

/// <summary>
/// Registered by a feature that has something a Manager should see at a glance (<c>services.AddScoped&lt;IDashboardSection, ...&gt;()</c>).
/// Counted in the database like the dashboard's own figures; a feature that has nothing to show returns null and no tile appears.
/// </summary>
public interface IDashboardSection
{
    Task<DashboardContribution?> GetAsync(DashboardPeriod period, CancellationToken cancellationToken);
}
