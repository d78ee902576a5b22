using ComplianceConsole.Features.Exports;

namespace ComplianceConsole.Features.Dashboard;

/// <summary>Where a tile whose list is a register leads: the export page with that kind, the tile's period and its filter.</summary>
public static class DashboardLinks
{
    /// <summary>The export page with a register's kind, the tile's period and its filter chosen (<see cref="ExportLink"/>).</summary>
    public static string Export(ExportKind kind, DashboardPeriod period, params (string Key, string Value)[] filters) =>
        ExportLink.For(kind, period.FirstDay, period.LastDay, filters);
}
