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
        // Each reads on a context of its own: the database works on one while the app reads another's rows.
        var tileSets = tileSources.Select(s => Task.Run(() => s.GetAsync(period, now, cancellationToken), cancellationToken)).ToList();
        var contributions = sections.Select(s => Task.Run(() => s.GetAsync(period, cancellationToken), cancellationToken)).ToList();
        return new DashboardFigures(period, await Task.WhenAll(tileSets), (await Task.WhenAll(contributions)).OfType<DashboardContribution>().ToList());
    }
}
