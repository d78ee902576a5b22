using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// A notice on the dashboard while webhook endpoints are disabled after repeated failure: the platform is not hearing of
/// decisions. Only Administrators can open the endpoints, so for anyone else the tile stays on the dashboard.
/// </summary>
internal sealed class WebhooksDashboardSection(WebhookHealth health, PermissionGuard guard) : IDashboardSection
{
    public async Task<DashboardContribution?> GetAsync(DashboardPeriod period, CancellationToken cancellationToken)
    {
        var disabled = await health.DisabledEndpointsAsync(cancellationToken);
        if (disabled.Count == 0) return null;
        var href = await guard.HasAsync(WebhookPermissions.Manage) ? "webhooks" : "dashboard";
        return new DashboardContribution("Dashboard.WebhooksDisabled", disabled.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), href, NeedsAttention: true);
    }
}
