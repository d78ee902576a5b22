namespace ComplianceConsole.Features.Dashboard;

/// <summary>
/// A feature's figures that take more than one number (ages, lists per source, a chart per day), drawn by the feature's own components:
/// <see cref="Tiles"/> among the dashboard's first, small tiles and <see cref="Charts"/> (a whole row each) under them. Each component is
/// given this object as its <c>Figures</c> parameter.
/// </summary>
public interface IDashboardTileSet
{
    Type Tiles { get; }

    Type Charts { get; }
}

/// <summary>
/// Registered by a feature that draws its own tiles (<c>services.AddScoped&lt;IDashboardTileSource, ...&gt;()</c>); the sets are shown in the
/// order their features registered them. Counted in the database like an <see cref="IDashboardSection"/>, as of one instant for all, and
/// like one read at the same time as the others, on a context of its own.
/// </summary>
public interface IDashboardTileSource
{
    Task<IDashboardTileSet> GetAsync(DashboardPeriod period, DateTime nowUtc, CancellationToken cancellationToken);
}
