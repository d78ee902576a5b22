using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Dashboard;

/// <summary>
/// The dashboard's figures. Each is a count or GROUP BY the database answers from an index (the grid's and queue's own indexes, the
/// time indexes of decisions, flags and answers), so the dashboard costs the same at a million records as at a thousand: no
/// query reads rows into memory, and the largest result is one row per day, status or source.
/// </summary>
public sealed class DashboardQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, TimeProvider clock,
    IEnumerable<IDashboardSection> sections)
{
    public async Task<DashboardFigures> GetAsync(DashboardRange range, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(DashboardPermissions.Read);
        var now = clock.GetUtcNow().UtcDateTime;
        var period = DashboardPeriod.Ending(now, range);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decisions = await ReviewAggregates.DecisionsByDayAsync(db, period.FromUtc, period.ToUtc, byCategory: false, cancellationToken);
        var limits = await ReviewAggregates.TimeLimitsByDayAsync(db, period.FromUtc, period.ToUtc, now, cancellationToken);
        var contributions = new List<DashboardContribution>();
        foreach (var section in sections)
        {
            if (await section.GetAsync(period, cancellationToken) is { } contribution) contributions.Add(contribution);
        }
        return new DashboardFigures(
            period,
            now,
            await PendingAsync(db, now, cancellationToken),
            await VerificationDecisionsAsync(db, period, cancellationToken),
            await BacklogAsync(db, now, cancellationToken),
            limits.GroupBy(l => l.Source).OrderBy(g => g.Key)
                .Select(g => new SourceCompliance(g.Key, g.Sum(l => l.Received), g.Sum(l => l.Met), g.Sum(l => l.Missed))).ToList(),
            decisions.GroupBy(d => d.Outcome).OrderBy(g => g.Key).Select(g => new OutcomeCount(g.Key, g.Sum(d => d.Count))).ToList(),
            decisions.GroupBy(d => (d.Day, d.Outcome)).Select(g => new ReviewDecisionDay(g.Key.Day, g.Key.Outcome, g.Sum(d => d.Count))).ToList(),
            await ActiveSanctionsAsync(db, now, cancellationToken),
            await ComplaintAnswersAsync(db, period, cancellationToken),
            contributions);
    }

    /// <summary>Four range counts and a minimum on the (Status, SubmittedAtUtc) index.</summary>
    private static async Task<PendingVerifications> PendingAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var pending = db.VerificationRecords.AsNoTracking().Where(r => r.Status == VerificationStatus.Pending);
        var (day, threeDays, week) = (now.AddDays(-1), now.AddDays(-3), now.AddDays(-7));
        var underOneDay = await pending.CountAsync(r => r.SubmittedAtUtc > day, cancellationToken);
        var oneToThree = await pending.CountAsync(r => r.SubmittedAtUtc <= day && r.SubmittedAtUtc > threeDays, cancellationToken);
        var threeToSeven = await pending.CountAsync(r => r.SubmittedAtUtc <= threeDays && r.SubmittedAtUtc > week, cancellationToken);
        var overSeven = await pending.CountAsync(r => r.SubmittedAtUtc <= week, cancellationToken);
        var oldest = await pending.MinAsync(r => (DateTime?)r.SubmittedAtUtc, cancellationToken);
        return new PendingVerifications(underOneDay + oneToThree + threeToSeven + overSeven, oldest, underOneDay, oneToThree, threeToSeven, overSeven);
    }

    /// <summary>Every day of the period (none left out, for the chart), each a GROUP BY on a range of the (Status, DecidedAtUtc) index.</summary>
    private static async Task<IReadOnlyList<VerificationDecisionDay>> VerificationDecisionsAsync(AppDbContext db, DashboardPeriod period, CancellationToken cancellationToken)
    {
        var days = new List<VerificationDecisionDay>();
        foreach (var (day, from, to) in ChinaTime.Days(period.FromUtc, period.ToUtc))
        {
            var counts = await db.VerificationRecords.AsNoTracking()
                // The decided statuses named, so each is a range seek on the index's time column.
                .Where(r => new[] { VerificationStatus.Verified, VerificationStatus.Rejected, VerificationStatus.Expired, VerificationStatus.Revoked }.Contains(r.Status)
                    && r.DecidedAtUtc >= from && r.DecidedAtUtc < to)
                .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            int Of(params VerificationStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            days.Add(new VerificationDecisionDay(day, Of(VerificationStatus.Verified), Of(VerificationStatus.Rejected), Of(VerificationStatus.Expired, VerificationStatus.Revoked)));
        }
        return days;
    }

    /// <summary>The queue's own counts, so each walks the (partial) index that view pages on.</summary>
    private static async Task<ReviewBacklog> BacklogAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        Task<int> CountAsync(ReviewQueueView view) => ReviewQueryService.CountQuery(db, view, null, now, exact: true).CountAsync(cancellationToken);
        var bySource = new List<(FlagSource, int)>();
        foreach (var source in Enum.GetValues<FlagSource>()) bySource.Add((source, await CountAsync(new ReviewQueueView(ReviewQueueViewKind.Source, Source: source))));
        return new ReviewBacklog(await CountAsync(ReviewQueueView.All), bySource, await CountAsync(new ReviewQueueView(ReviewQueueViewKind.Overdue)),
            await CountAsync(new ReviewQueueView(ReviewQueueViewKind.Escalated)));
    }

    /// <summary>Sanctions in force now: started, not ended, not lifted.</summary>
    private static async Task<IReadOnlyList<SanctionCount>> ActiveSanctionsAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken) =>
        (await db.Sanctions.AsNoTracking()
            .Where(s => s.LiftedAtUtc == null && s.StartsAtUtc <= now && (s.EndsAtUtc == null || s.EndsAtUtc > now))
            .GroupBy(s => s.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        .OrderBy(c => c.Kind).Select(c => new SanctionCount(c.Kind, c.Count)).ToList();

    private static async Task<ComplaintAnswers> ComplaintAnswersAsync(AppDbContext db, DashboardPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        var answers = await db.ComplaintFeedback.AsNoTracking().Where(a => a.AnsweredAtUtc >= from && a.AnsweredAtUtc < to)
            .GroupBy(a => a.IsLate).Select(g => new { Late = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new ComplaintAnswers(answers.Sum(a => a.Count), answers.Where(a => a.Late).Sum(a => a.Count));
    }
}
