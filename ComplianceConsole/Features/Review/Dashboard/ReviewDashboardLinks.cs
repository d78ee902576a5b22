using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Where review tiles lead: queue figures to the queue view (<see cref="ReviewQueueView.ToQuery"/>), figures whose list is a register
/// (decisions, sanctions, complaints) to the export page with that kind, period and filter.
/// </summary>
public static class ReviewDashboardLinks
{
    public static string Queue(ReviewQueueView view) => $"review?view={Uri.EscapeDataString(view.ToQuery())}";

    public static string QueueOfSource(FlagSource source) => Queue(new ReviewQueueView(ReviewQueueViewKind.Source, Source: source));

    public static string Overdue() => Queue(new ReviewQueueView(ReviewQueueViewKind.Overdue));

    public static string Escalated() => Queue(new ReviewQueueView(ReviewQueueViewKind.Escalated));

    public static string Decisions(DashboardPeriod period) => DashboardLinks.Export(ExportKind.ContentHandlingRecords, period);

    public static string DecisionsWithOutcome(DashboardPeriod period, DecisionOutcome outcome) =>
        DashboardLinks.Export(ExportKind.ContentHandlingRecords, period, (ReviewExportFilters.Outcome, outcome.ToString()));

    public static string Sanctions(DashboardPeriod period) => DashboardLinks.Export(ExportKind.SanctionsRegister, period);

    public static string SanctionsOfKind(DashboardPeriod period, SanctionKind kind) =>
        DashboardLinks.Export(ExportKind.SanctionsRegister, period, (ReviewExportFilters.SanctionKind, kind.ToString()));

    public static string LateComplaints(DashboardPeriod period) =>
        DashboardLinks.Export(ExportKind.ComplaintsRegister, period, (ComplaintsRegisterSource.ResultFilter, nameof(ComplaintTimeLimitResult.Late)));
}
