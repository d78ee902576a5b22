using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Dashboard;

/// <summary>
/// The dashboard's figures, each counted by the feature that keeps the records (<see cref="IDashboardTileSource"/>, <see cref="IDashboardSection"/>).
/// Each is read from the day counts the writes keep (<see cref="Data.DayCount"/>) or counted by the database from an index.
/// </summary>
public sealed class DashboardQueryService(PermissionGuard guard, TimeProvider clock, IEnumerable<IDashboardTileSource> tileSources,
    IEnumerable<IDashboardSection> sections)
{
    public async Task<DashboardFigures> GetAsync(DashboardRange range, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(DashboardPermissions.Read);
        var now = clock.GetUtcNow().UtcDateTime;
        var period = DashboardPeriod.Ending(now, range);
        var tileSets = new List<IDashboardTileSet>();
        foreach (var source in tileSources) tileSets.Add(await source.GetAsync(period, now, cancellationToken));
        var contributions = new List<DashboardContribution>();
        foreach (var section in sections)
        {
            if (await section.GetAsync(period, cancellationToken) is { } contribution) contributions.Add(contribution);
        }
        return new DashboardFigures(period, tileSets, contributions);
    }
}
