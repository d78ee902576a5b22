using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Registry;

/// <summary>The dashboard's tile for the registry: what falls due within 30 days, and how much of it is overdue.</summary>
internal sealed class RegistryDashboardSection(RegistryDueDates dueDates, PermissionGuard guard, IStringLocalizer<SharedResource> localizer) : IDashboardSection
{
    public async Task<DashboardContribution?> GetAsync(DashboardPeriod period, CancellationToken cancellationToken)
    {
        if (!await guard.HasAsync(RegistryPermissions.Read)) return null;
        var due = await dueDates.GetAsync(cancellationToken);
        var overdue = due.Count(d => d.Overdue);
        return new DashboardContribution("Dashboard.RegistryDue", due.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "registry", overdue > 0,
            localizer["Dashboard.RegistryOverdue", overdue]);
    }
}
