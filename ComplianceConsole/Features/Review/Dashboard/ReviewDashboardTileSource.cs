using ComplianceConsole.Data;
using ComplianceConsole.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The review figures of the dashboard, each answered from an index: the queue's own (partial) indexes, the time indexes of decisions,
/// flags and answers. No query reads rows into memory; the largest result is one row per day and outcome, or per source.
/// </summary>
internal sealed class ReviewDashboardTileSource(IDbContextFactory<AppDbContext> contextFactory) : IDashboardTileSource
{
    public async Task<IDashboardTileSet> GetAsync(DashboardPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decisions = await ReviewAggregates.DecisionsByDayAsync(db, period.FromUtc, period.ToUtc, byCategory: false, cancellationToken);
        var limits = await ReviewAggregates.TimeLimitsByDayAsync(db, period.FromUtc, period.ToUtc, nowUtc, cancellationToken);
        return new ReviewDashboardFigures(
            period,
            await BacklogAsync(db, nowUtc, cancellationToken),
            limits.GroupBy(l => l.Source).OrderBy(g => g.Key)
                .Select(g => new SourceCompliance(g.Key, g.Sum(l => l.Received), g.Sum(l => l.Met), g.Sum(l => l.Missed))).ToList(),
            decisions.GroupBy(d => d.Outcome).OrderBy(g => g.Key).Select(g => new OutcomeCount(g.Key, g.Sum(d => d.Count))).ToList(),
            decisions.GroupBy(d => (d.Day, d.Outcome)).Select(g => new ReviewDecisionDay(g.Key.Day, g.Key.Outcome, g.Sum(d => d.Count))).ToList(),
            await ActiveSanctionsAsync(db, nowUtc, cancellationToken),
            await ComplaintAnswersAsync(db, period, cancellationToken));
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
