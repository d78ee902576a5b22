using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// One reviewer's work in a period: decisions made (escalations are not decisions), the median handling time of those that can be timed,
/// how many of those with a time limit were made within it, and how many were overturned on appeal (so far).
/// </summary>
public sealed record ReviewerFigures(string ReviewerId, string DisplayName, int Decisions, TimeSpan? MedianHandling, int WithLimit, int WithinLimit, int Overturned)
{
    /// <summary>Decided within their time limit, in percent of the decisions that had one; null when none had.</summary>
    public double? WithinLimitPercent => WithLimit == 0 ? null : Math.Round(100.0 * WithinLimit / WithLimit, 1);
}

/// <summary>
/// Per-reviewer figures for the Managers' dashboard over whole China Standard Time days, summed from the <see cref="ReviewerDayCounts"/>
/// the writes keep: a few rows per reviewer and day, whatever the number of decisions. The median is taken from the handling times'
/// <see cref="HandlingTimeBuckets"/>, as fine as the dashboard shows it: the ranges' totals say which range holds it, that range's
/// buckets where in it.
/// <list type="bullet">
/// <item><b>Handling time</b>: from the reviewer's last claim of the case before the decision (the <c>Claimed</c> step in the case
/// history) to the decision; a decision made without a claim (a bulk decision) is timed from the first flag it handled (received
/// at). A decision that handled no flag and had no claim (a reopened case decided again in bulk) is not timed.</item>
/// <item><b>Within the time limit</b>: decided at or before the earliest due time of the flags the decision handled; decisions that
/// handled none (a reopened case) have no limit and are left out of the share.</item>
/// <item><b>Overturned on appeal</b>: decisions made in the period whose appeal has been decided <c>Overturned</c>, as of now.</item>
/// </list>
/// </summary>
public sealed class ReviewerStatistics(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard)
{
    private static readonly string[] FigureKinds =
        [ReviewerDayCounts.Decisions, ReviewerDayCounts.WithLimit, ReviewerDayCounts.WithinLimit, ReviewerDayCounts.Overturned, ReviewerDayCounts.HandlingRanges];

    public async Task<IReadOnlyList<ReviewerFigures>> ForDaysAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Supervise);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sums = await SumsAsync(db, FigureKinds, null, firstDay, lastDay, cancellationToken);
        long Sum(string kind, string reviewer) => sums.GetValueOrDefault((kind, reviewer));
        var ranges = sums.Where(s => s.Key.Kind == ReviewerDayCounts.HandlingRanges)
            .Select(s => (Bucket: HandlingTimeBuckets.Parse(s.Key.Key), Count: s.Value))
            .ToLookup(s => s.Bucket.ReviewerId, s => (Range: s.Bucket.Seconds, s.Count));
        var medians = await MediansAsync(db, ranges, firstDay, lastDay, cancellationToken);

        var ids = sums.Where(s => s.Key.Kind == ReviewerDayCounts.Decisions).Select(s => s.Key.Key).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return ids.Select(id => new ReviewerFigures(id, names.GetValueOrDefault(id) ?? "", (int)Sum(ReviewerDayCounts.Decisions, id), medians.GetValueOrDefault(id),
                (int)Sum(ReviewerDayCounts.WithLimit, id), (int)Sum(ReviewerDayCounts.WithinLimit, id), (int)Sum(ReviewerDayCounts.Overturned, id)))
            .OrderByDescending(r => r.Decisions).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Each reviewer's median, the mean of the middle two times for an even count as the exact median would be: the ranks fall in one
    /// range or two, and only those ranges' buckets are read.
    /// </summary>
    private static async Task<Dictionary<string, TimeSpan?>> MediansAsync(AppDbContext db, ILookup<string, (long Range, long Count)> ranges,
        DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var ranks = ranges.ToDictionary(r => r.Key, r => MiddleRanks(r.OrderBy(x => x.Range).ToList()));
        var keys = ranks.SelectMany(r => r.Value.SelectMany(m => HandlingTimeBuckets.In(m.Range)).Distinct().Select(b => HandlingTimeBuckets.Key(r.Key, b))).ToList();
        var buckets = (await SumsAsync(db, [ReviewerDayCounts.Handling], keys, firstDay, lastDay, cancellationToken))
            .Select(s => (Bucket: HandlingTimeBuckets.Parse(s.Key.Key), Count: s.Value))
            .ToLookup(s => s.Bucket.ReviewerId, s => (s.Bucket.Seconds, s.Count));
        return ranks.ToDictionary(r => r.Key, r =>
        {
            var ordered = buckets[r.Key].OrderBy(b => b.Seconds).ToList();
            return (TimeSpan?)TimeSpan.FromSeconds(Math.Round(r.Value.Average(middle => SecondsAt(middle, ordered))));
        });
    }

    private static long SecondsAt((long Rank, long Range, long Before) middle, List<(long Seconds, long Count)> ordered)
    {
        var seen = middle.Before;
        foreach (var (seconds, count) in ordered.Where(b => HandlingTimeBuckets.RangeOf(b.Seconds) == middle.Range))
        {
            seen += count;
            if (seen >= middle.Rank) return seconds;
        }
        throw new InvalidOperationException($"The buckets of range {middle.Range} do not add up to its total.");
    }

    /// <summary>The ranks of the middle time or two (1-based), each with its range and how many times fall in the ranges before it.</summary>
    private static List<(long Rank, long Range, long Before)> MiddleRanks(List<(long Range, long Count)> ranges)
    {
        var timed = ranges.Sum(r => r.Count);
        return new[] { (timed + 1) / 2, (timed + 2) / 2 }.Select(rank =>
        {
            var before = 0L;
            foreach (var (range, count) in ranges)
            {
                if (before + count >= rank) return (rank, range, before);
                before += count;
            }
            throw new InvalidOperationException("A rank beyond the count.");
        }).ToList();
    }

    private static async Task<Dictionary<(string Kind, string Key), long>> SumsAsync(AppDbContext db, string[] kinds, List<string>? keys,
        DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var counts = db.DayCounts.AsNoTracking().Where(c => kinds.Contains(c.Kind) && c.Day >= firstDay && c.Day <= lastDay && c.Count != 0);
        if (keys is not null) counts = counts.Where(c => keys.Contains(c.Key));
        return await counts.GroupBy(c => new { c.Kind, c.Key }).Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.Kind, c.Key), c => c.Count, cancellationToken);
    }
}
