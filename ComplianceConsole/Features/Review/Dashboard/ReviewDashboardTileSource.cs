using ComplianceConsole.Data;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The review figures of the dashboard: decisions and time limits from the <see cref="ReviewDayCounts"/> (a row per day and outcome or
/// source) and the queue's size from its counts (<see cref="ReviewBacklogCounts"/>), the rest from an index each: open flags by due time,
/// sanctions, complaint answers.
/// </summary>
internal sealed class ReviewDashboardTileSource(IDbContextFactory<AppDbContext> contextFactory) : IDashboardTileSource
{
    private static readonly FlagSource[] TimeLimitSources =
        [FlagSource.FeatureLibrary, FlagSource.UserComplaint, FlagSource.LabelCheck, FlagSource.RegulatorNotice, FlagSource.Staff];

    public async Task<IDashboardTileSet> GetAsync(DashboardPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decisions = await DecisionsAsync(db, period, cancellationToken);
        return new ReviewDashboardFigures(
            period,
            await BacklogAsync(db, nowUtc, cancellationToken),
            await ComplianceAsync(db, period, nowUtc, cancellationToken),
            decisions.GroupBy(d => d.Outcome).OrderBy(g => g.Key).Select(g => new OutcomeCount(g.Key, g.Sum(d => d.Count))).ToList(),
            decisions,
            await ActiveSanctionsAsync(db, nowUtc, cancellationToken),
            await ComplaintAnswersAsync(db, period, cancellationToken));
    }

    private static IQueryable<DayCount> Counts(AppDbContext db, string kind, DashboardPeriod period) =>
        db.DayCounts.AsNoTracking().Where(c => c.Kind == kind && c.Day >= period.FirstDay && c.Day <= period.LastDay && c.Count != 0);

    private static async Task<IReadOnlyList<ReviewDecisionDay>> DecisionsAsync(AppDbContext db, DashboardPeriod period, CancellationToken cancellationToken) =>
        (await Counts(db, ReviewDayCounts.Decisions, period).Select(c => new { c.Day, c.Key, c.Count }).ToListAsync(cancellationToken))
        .Select(c => new ReviewDecisionDay(c.Day, Enum.Parse<DecisionOutcome>(c.Key), (int)c.Count)).ToList();

    /// <summary>
    /// Per source, the flags received in the period and those that met their time limit, from the day counts. The rest missed it
    /// (handled late, or unhandled past their due time) but for those still unhandled and not yet due, counted on the open flags' index.
    /// </summary>
    private static async Task<IReadOnlyList<SourceCompliance>> ComplianceAsync(AppDbContext db, DashboardPeriod period, DateTime now, CancellationToken cancellationToken)
    {
        var counts = await db.DayCounts.AsNoTracking()
            .Where(c => (c.Kind == ReviewDayCounts.FlagsReceived || c.Kind == ReviewDayCounts.FlagsMet)
                && c.Day >= period.FirstDay && c.Day <= period.LastDay)
            .GroupBy(c => new { c.Kind, c.Key }).Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var (from, to) = (period.FromUtc, period.ToUtc);
        var notYetDue = await IndexHints.Through<Flag>(db, "Flags", FlagIndexes.OpenByDue).AsNoTracking()
            .Where(f => f.HandledAtUtc == null && f.DueAtUtc >= now && f.ReceivedAtUtc >= from && f.ReceivedAtUtc < to)
            .GroupBy(f => f.Source).Select(g => new { Source = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Source, g => g.Count, cancellationToken);
        int Of(string kind, FlagSource source) => (int)counts.Where(c => c.Kind == kind && c.Key == source.ToString()).Sum(c => c.Count);
        return TimeLimitSources.Order()
            .Select(s => (Source: s, Received: Of(ReviewDayCounts.FlagsReceived, s), Met: Of(ReviewDayCounts.FlagsMet, s)))
            .Where(s => s.Received > 0)
            .Select(s => new SourceCompliance(s.Source, s.Received, s.Met, s.Received - s.Met - notYetDue.GetValueOrDefault(s.Source)))
            .ToList();
    }

    /// <summary>The queue's size in all, per source, escalated and overdue, from the counts the writes keep (<see cref="ReviewBacklogCounts"/>).</summary>
    private static async Task<ReviewBacklog> BacklogAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var counts = await ReviewBacklogCounts.ReadAsync(db, cancellationToken);
        int Of(ReviewCaseState state, int source) => (int)counts.GetValueOrDefault((state, source));
        var bySource = Enum.GetValues<FlagSource>().Select(s => (s, Of(ReviewCaseState.Open, ReviewSources.Bit(s)))).ToList();
        var overdue = (int)await ReviewBacklogCounts.OverdueAsync(db, now, cancellationToken);
        return new ReviewBacklog(Of(ReviewCaseState.Open, 0), bySource, overdue, Of(ReviewCaseState.Escalated, 0));
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
