using ComplianceConsole.Common;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The Managers' tile of figures per reviewer for the dashboard's period (<see cref="ReviewerStatistics"/>): decisions, median handling
/// time, share decided within the time limit, decisions overturned on appeal; each column's header says in its tooltip how it is counted.
/// Reviewers are shown by their display name, never their e-mail address. Only for those who supervise review (<see cref="ReviewPermissions.Supervise"/>).
/// </summary>
internal sealed class ReviewersDashboardSection(ReviewerStatistics statistics, PermissionGuard guard, IStringLocalizer<SharedResource> localizer) : IDashboardSection
{
    public async Task<DashboardContribution?> GetAsync(DashboardPeriod period, CancellationToken cancellationToken)
    {
        if (!await guard.HasAsync(ReviewPermissions.Supervise)) return null;
        var reviewers = await statistics.ForDaysAsync(period.FirstDay, period.LastDay, cancellationToken);
        var table = new DashboardTable("reviewer-figures",
        [
            new(localizer["Dashboard.Reviewers.Name"], Numeric: false),
            new(localizer["Dashboard.Reviewers.Decisions"], localizer["Dashboard.Reviewers.DecisionsHelp"]),
            new(localizer["Dashboard.Reviewers.Median"], localizer["Dashboard.Reviewers.MedianHelp"]),
            new(localizer["Dashboard.Reviewers.WithinLimit"], localizer["Dashboard.Reviewers.WithinLimitHelp"]),
            new(localizer["Dashboard.Reviewers.Overturned"], localizer["Dashboard.Reviewers.OverturnedHelp"]),
        ],
        reviewers.Select(r => (IReadOnlyList<string>)
        [
            string.IsNullOrWhiteSpace(r.DisplayName) ? localizer["Dashboard.Reviewers.Unnamed"] : r.DisplayName,
            DashboardFormat.Number(r.Decisions),
            r.MedianHandling is { } median ? Duration(localizer, median) : Display.Dash,
            r.WithinLimitPercent is { } percent
                ? localizer["Dashboard.Reviewers.Ratio", DashboardFormat.Percent(percent), DashboardFormat.Number(r.WithinLimit), DashboardFormat.Number(r.WithLimit)]
                : Display.Dash,
            DashboardFormat.Number(r.Overturned),
        ]).ToList(),
        localizer["Dashboard.Reviewers.None"]);
        var decisions = reviewers.Sum(r => r.Decisions);
        return new DashboardContribution("Dashboard.Reviewers", DashboardFormat.Number(reviewers.Count), ReviewDashboardLinks.Decisions(period),
            Detail: localizer["Dashboard.ReviewersDetail", DashboardFormat.Number(decisions)], Table: table);
    }

    /// <summary>A handling time as people say it: seconds, minutes, hours and minutes, or days and hours.</summary>
    internal static string Duration(IStringLocalizer localizer, TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => localizer["Duration.Seconds", Math.Max(0, (int)span.TotalSeconds)],
        { TotalHours: < 1 } => localizer["Duration.Minutes", (int)span.TotalMinutes],
        { TotalDays: < 1 } => localizer["Duration.HoursMinutes", (int)span.TotalHours, span.Minutes],
        _ => localizer["Duration.DaysHours", (int)span.TotalDays, span.Hours],
    };
}
