using ComplianceConsole.Data;
using ComplianceConsole.Localization;
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
/// The review figures of the compliance summary (the dashboard reads the same from <see cref="ReviewDayCounts"/>), counted by the database day by day (China Standard Time):
/// each day is one range seek on a covering time index, grouped by an indexed column, so no row is read from a table, no date function
/// runs per row, and at most one row per day and outcome or source comes back.
/// </summary>
public static class ReviewAggregates
{
    /// <summary>
    /// Decisions per day and outcome from the (DecidedAtUtc, Outcome) index alone; <paramref name="byCategory"/> also splits them by the
    /// content's category as each decision recorded it, which reads the decisions themselves (an export can afford that, the dashboard leaves it out).
    /// </summary>
    public static async Task<IReadOnlyList<DecisionDayCount>> DecisionsByDayAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, bool byCategory,
        CancellationToken cancellationToken)
    {
        var counts = new List<DecisionDayCount>();
        foreach (var (day, from, to) in ChinaTime.Days(fromUtc, toUtc))
        {
            var decisions = db.Decisions.AsNoTracking().Where(d => d.DecidedAtUtc >= from && d.DecidedAtUtc < to);
            if (byCategory)
            {
                counts.AddRange((await decisions.GroupBy(x => new { x.Category, x.Outcome }).Select(g => new { g.Key.Category, g.Key.Outcome, Count = g.Count() })
                        .ToListAsync(cancellationToken))
                    .Select(r => new DecisionDayCount(day, r.Category, r.Outcome, r.Count)));
            }
            else
            {
                counts.AddRange((await decisions.GroupBy(d => d.Outcome).Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                    .Select(r => new DecisionDayCount(day, null, r.Outcome, r.Count)));
            }
        }
        return counts;
    }

    /// <summary>
    /// Met: handled (<see cref="Flag.HandledAtUtc"/>) by its due time. Missed: handled after it, or unhandled at <paramref name="asOfUtc"/>
    /// with its due time passed. The rest are still open. A flag handled after <paramref name="asOfUtc"/> counts as unhandled then, so a
    /// past period's figures stay as they stood at its end. Counted from the flags' (Source, ReceivedAtUtc, DueAtUtc, HandledAtUtc) index alone.
    /// </summary>
    public static async Task<IReadOnlyList<TimeLimitDayCount>> TimeLimitsByDayAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, DateTime asOfUtc,
        CancellationToken cancellationToken)
    {
        var counts = new List<TimeLimitDayCount>();
        foreach (var (day, from, to) in ChinaTime.Days(fromUtc, toUtc))
        {
            var rows = await db.Flags.AsNoTracking()
                // Every source named, so each is a range seek on the index.
                .Where(f => new[] { FlagSource.FeatureLibrary, FlagSource.UserComplaint, FlagSource.LabelCheck, FlagSource.RegulatorNotice, FlagSource.Staff }.Contains(f.Source)
                    && f.ReceivedAtUtc >= from && f.ReceivedAtUtc < to)
                .GroupBy(f => f.Source)
                .Select(g => new
                {
                    Source = g.Key,
                    Received = g.Count(),
                    Met = g.Count(f => f.HandledAtUtc < asOfUtc && f.HandledAtUtc <= f.DueAtUtc),
                    Missed = g.Count(f => (f.HandledAtUtc < asOfUtc && f.HandledAtUtc > f.DueAtUtc)
                        || ((f.HandledAtUtc == null || f.HandledAtUtc >= asOfUtc) && f.DueAtUtc < asOfUtc)),
                })
                .ToListAsync(cancellationToken);
            counts.AddRange(rows.Select(r => new TimeLimitDayCount(day, r.Source, r.Received, r.Met, r.Missed)));
        }
        return counts;
    }
}
