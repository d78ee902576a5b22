using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Decisions of one China Standard Time day, one content category and one outcome.</summary>
public sealed record DecisionDayCount(DateOnly Day, SynthesisCategory Category, DecisionOutcome Outcome, int Count);

/// <summary>
/// Flags of one source received on one China Standard Time day: how many, how many were decided within their time limit, and
/// how many were not (decided after their due time, or still undecided past it).
/// </summary>
public sealed record TimeLimitDayCount(DateOnly Day, FlagSource Source, int Received, int Met, int Missed);

/// <summary>
/// The review figures that the dashboard and the compliance summary show, counted by the database (GROUP BY a China Standard
/// Time day) on the time indexes, never by loading rows: at most one row per day and combination comes back.
/// </summary>
public static class ReviewAggregates
{
    private static readonly TimeSpan ChinaOffset = Localization.ChinaTime.Offset;

    public static async Task<IReadOnlyList<DecisionDayCount>> DecisionsByDayAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var hours = ChinaOffset.TotalHours;
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.DecidedAtUtc >= fromUtc && d.DecidedAtUtc < toUtc)
            .Join(db.ReviewCases, d => d.ReviewCaseId, c => c.Id, (d, c) => new { Day = d.DecidedAtUtc.AddHours(hours).Date, c.Category, d.Outcome })
            .GroupBy(x => new { x.Day, x.Category, x.Outcome })
            .Select(g => new { g.Key.Day, g.Key.Category, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DecisionDayCount(DateOnly.FromDateTime(r.Day), r.Category, r.Outcome, r.Count)).ToList();
    }

    /// <summary>
    /// A flag is handled by the first decision of its case at or after its receipt that is not an escalation (an escalated case
    /// still waits for a Manager). Met: handled by its due time. Missed: handled after it, or unhandled at <paramref name="asOfUtc"/>
    /// with its due time passed. The rest are still open.
    /// </summary>
    public static async Task<IReadOnlyList<TimeLimitDayCount>> TimeLimitsByDayAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, DateTime asOfUtc,
        CancellationToken cancellationToken)
    {
        var hours = ChinaOffset.TotalHours;
        var rows = await db.Flags.AsNoTracking()
            // Every source named, so each is a range seek on the (Source, ReceivedAtUtc) index.
            .Where(f => new[] { FlagSource.FeatureLibrary, FlagSource.UserComplaint, FlagSource.LabelCheck, FlagSource.RegulatorNotice, FlagSource.Staff }.Contains(f.Source)
                && f.ReceivedAtUtc >= fromUtc && f.ReceivedAtUtc < toUtc)
            .Select(f => new
            {
                Day = f.ReceivedAtUtc.AddHours(hours).Date,
                f.Source,
                f.DueAtUtc,
                HandledAt = db.Decisions.Where(d => d.ReviewCaseId == f.ReviewCaseId && d.DecidedAtUtc >= f.ReceivedAtUtc && d.Outcome != DecisionOutcome.Escalated)
                    .Min(d => (DateTime?)d.DecidedAtUtc),
            })
            .GroupBy(x => new { x.Day, x.Source })
            .Select(g => new
            {
                g.Key.Day,
                g.Key.Source,
                Received = g.Count(),
                Met = g.Count(x => x.HandledAt != null && x.HandledAt <= x.DueAtUtc),
                Missed = g.Count(x => (x.HandledAt != null && x.HandledAt > x.DueAtUtc) || (x.HandledAt == null && x.DueAtUtc < asOfUtc)),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TimeLimitDayCount(DateOnly.FromDateTime(r.Day), r.Source, r.Received, r.Met, r.Missed)).ToList();
    }
}
