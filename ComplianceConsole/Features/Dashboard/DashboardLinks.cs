using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;

namespace ComplianceConsole.Features.Dashboard;

/// <summary>
/// Where each tile leads: the list behind its figure, filtered to it. Verifications open the records grid (its address carries
/// the filter, <see cref="VerificationGridAddress"/>), queue figures the queue view (<see cref="ReviewQueueView.ToQuery"/>), and
/// figures whose list is a register (decisions, sanctions, complaints) the export page with that kind, period and filter.
/// </summary>
public static class DashboardLinks
{
    public static string PendingVerifications() =>
        VerificationGridAddress.For(new VerificationFilter { Status = VerificationStatus.Pending }, VerificationSort.SubmittedOldest);

    public static string VerificationDecisions(DashboardPeriod period) =>
        VerificationGridAddress.For(new VerificationFilter { DecidedFromUtc = period.FromUtc, DecidedToUtc = period.ToUtc }, VerificationSort.DecidedNewest);

    public static string VerificationDecisions(DateOnly day) =>
        VerificationDecisions(new DashboardPeriod(DashboardRange.Today, day, day));

    public static string Queue(ReviewQueueView view) => $"review?view={Uri.EscapeDataString(view.ToQuery())}";

    public static string QueueOfSource(FlagSource source) => Queue(new ReviewQueueView(ReviewQueueViewKind.Source, Source: source));

    public static string Overdue() => Queue(new ReviewQueueView(ReviewQueueViewKind.Overdue));

    public static string Escalated() => Queue(new ReviewQueueView(ReviewQueueViewKind.Escalated));

    public static string DecisionsWithOutcome(DashboardPeriod period, DecisionOutcome outcome) =>
        Export(ExportKind.ContentHandlingRecords, period, ("outcome", outcome.ToString()));

    public static string SanctionsOfKind(DashboardPeriod period, SanctionKind kind) => Export(ExportKind.SanctionsRegister, period, ("sanctionKind", kind.ToString()));

    public static string LateComplaints(DashboardPeriod period) => Export(ExportKind.ComplaintsRegister, period, ("timeLimit", "Late"));

    /// <summary>The export page with a register's kind, the tile's period and its filter chosen (<see cref="ExportLink"/>).</summary>
    public static string Export(ExportKind kind, DashboardPeriod period, params (string Key, string Value)[] filters) =>
        ExportLink.For(kind, period.FirstDay, period.LastDay, filters);
}
