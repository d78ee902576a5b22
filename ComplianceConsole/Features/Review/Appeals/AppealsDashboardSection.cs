using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Review;

/// <summary>The dashboard's tile for appeals in the period: received, decided and overturned, linked to the appeals view of the queue.</summary>
internal sealed class AppealsDashboardSection(AppealStatistics statistics, PermissionGuard guard, IStringLocalizer<SharedResource> localizer) : IDashboardSection
{
    public async Task<DashboardContribution?> GetAsync(DashboardPeriod period, CancellationToken cancellationToken)
    {
        if (!await guard.HasAsync(ReviewPermissions.Read)) return null;
        var figures = await statistics.CountsAsync(period.FromUtc, period.ToUtc, cancellationToken);
        return new DashboardContribution("Dashboard.Appeals", figures.Received.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ReviewDashboardLinks.Queue(new ReviewQueueView(ReviewQueueViewKind.Source, Source: FlagSource.Appeal)), Detail: localizer["Dashboard.AppealsDetail", figures.Decided, figures.Overturned]);
    }
}
