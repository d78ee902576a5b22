using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Decisions of one China Standard Time day and one outcome, and of one content category when asked for.</summary>
public sealed record DecisionDayCount(DateOnly Day, SynthesisCategory? Category, DecisionOutcome Outcome, int Count);

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

    /// <summary>
    /// Decisions per day and outcome from the (DecidedAtUtc, Outcome) index alone; <paramref name="byCategory"/> also splits them by the
    /// content's category, which reads each decision's case (an export can afford that, the dashboard leaves it out).
    /// </summary>
    public static async Task<IReadOnlyList<DecisionDayCount>> DecisionsByDayAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, bool byCategory,
        CancellationToken cancellationToken)
    {
        var hours = ChinaOffset.TotalHours;
        var decisions = db.Decisions.AsNoTracking().Where(d => d.DecidedAtUtc >= fromUtc && d.DecidedAtUtc < toUtc);
        if (!byCategory)
        {
            var counts = await decisions.GroupBy(d => new { Day = d.DecidedAtUtc.AddHours(hours).Date, d.Outcome })
                .Select(g => new { g.Key.Day, g.Key.Outcome, Count = g.Count() }).ToListAsync(cancellationToken);
            return counts.Select(r => new DecisionDayCount(DateOnly.FromDateTime(r.Day), null, r.Outcome, r.Count)).ToList();
        }
        var rows = await decisions
            .Join(db.ReviewCases, d => d.ReviewCaseId, c => c.Id, (d, c) => new { Day = d.DecidedAtUtc.AddHours(hours).Date, c.Category, d.Outcome })
            .GroupBy(x => new { x.Day, x.Category, x.Outcome })
            .Select(g => new { g.Key.Day, g.Key.Category, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DecisionDayCount(DateOnly.FromDateTime(r.Day), r.Category, r.Outcome, r.Count)).ToList();
    }

    /// <summary>
    /// Met: handled (<see cref="Flag.HandledAtUtc"/>) by its due time. Missed: handled after it, or unhandled at <paramref name="asOfUtc"/>
    /// with its due time passed. The rest are still open. Counted from the flags' (Source, ReceivedAtUtc, DueAtUtc, HandledAtUtc) index alone.
    /// </summary>
    public static async Task<IReadOnlyList<TimeLimitDayCount>> TimeLimitsByDayAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, DateTime asOfUtc,
        CancellationToken cancellationToken)
    {
        var hours = ChinaOffset.TotalHours;
        var rows = await db.Flags.AsNoTracking()
            // Every source named, so each is a range seek on the index.
            .Where(f => new[] { FlagSource.FeatureLibrary, FlagSource.UserComplaint, FlagSource.LabelCheck, FlagSource.RegulatorNotice, FlagSource.Staff }.Contains(f.Source)
                && f.ReceivedAtUtc >= fromUtc && f.ReceivedAtUtc < toUtc)
            .GroupBy(f => new { Day = f.ReceivedAtUtc.AddHours(hours).Date, f.Source })
            .Select(g => new
            {
                g.Key.Day,
                g.Key.Source,
                Received = g.Count(),
                Met = g.Count(f => f.HandledAtUtc != null && f.HandledAtUtc <= f.DueAtUtc),
                Missed = g.Count(f => (f.HandledAtUtc != null && f.HandledAtUtc > f.DueAtUtc) || (f.HandledAtUtc == null && f.DueAtUtc < asOfUtc)),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TimeLimitDayCount(DateOnly.FromDateTime(r.Day), r.Source, r.Received, r.Met, r.Missed)).ToList();
    }
}
