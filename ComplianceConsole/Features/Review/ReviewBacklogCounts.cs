using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The queue's size now and its overdue cases, read from the counts the cases table's triggers keep (<see cref="ReviewBacklogCount"/>,
/// <see cref="ReviewDueDayCount"/>) rather than counted, so reading them costs the same whatever the backlog.
/// </summary>
public static class ReviewBacklogCounts
{
    public const string Table = "ReviewBacklogCounts";

    public const string DueDayTable = "ReviewDueDayCounts";

    /// <summary>Cases in each undecided state now: in all (source 0) and per flag source bit.</summary>
    public static async Task<IReadOnlyDictionary<(ReviewCaseState State, int Source), long>> ReadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.ReviewBacklogCounts.AsNoTracking()
            .GroupBy(c => new { c.State, c.Source }).Select(g => new { g.Key.State, g.Key.Source, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.State, c.Source), c => c.Count, cancellationToken);

    /// <summary>
    /// Folds the due days' counts into one row each (a connection's slot since the last fold added to slot 0, on PostgreSQL) and
    /// removes the rows that count nothing, so the overdue figure reads a row per due day however long the console runs. The rows
    /// deleted are the versions a writer committed last (a delete waits for it), so no count is lost to a writer adding meanwhile.
    /// </summary>
    public static async Task FoldAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync($"""
                WITH folded AS (DELETE FROM "{DueDayTable}" WHERE "Slot" <> 0 RETURNING "DueDay", "Count")
                INSERT INTO "{DueDayTable}" ("DueDay", "Slot", "Count")
                SELECT "DueDay", 0, SUM("Count") FROM folded GROUP BY "DueDay" ORDER BY "DueDay"
                ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "{DueDayTable}"."Count" + excluded."Count"
                """, cancellationToken);
        }
        await db.ReviewDueDayCounts.Where(c => c.Count == 0).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Open cases due before <paramref name="nowUtc"/> (in queue order, as the overdue view lists them): those due on earlier (UTC) days
    /// from the day counts, today's so far counted on the queue's index (at most a day's worth).
    /// </summary>
    public static async Task<long> OverdueAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var dueBefore = ReviewQueueOrder.DueBefore(nowUtc);
        var today = dueBefore / ReviewQueueOrder.PerDay;
        var earlierDays = await db.ReviewDueDayCounts.AsNoTracking().Where(c => c.DueDay < today).SumAsync(c => c.Count, cancellationToken);
        var startOfToday = today * ReviewQueueOrder.PerDay;
        var dueToday = await ReviewQueryService.Source(db, ReviewQueueView.All, staffId: null)
            .CountAsync(c => c.State == ReviewCaseState.Open && c.QueueOrder >= startOfToday && c.QueueOrder < dueBefore, cancellationToken);
        return earlierDays + dueToday;
    }
}
