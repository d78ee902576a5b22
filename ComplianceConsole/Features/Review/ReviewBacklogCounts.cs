using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>The queue's size now, read from the counts the cases table's triggers keep (<see cref="ReviewBacklogCount"/>).</summary>
public static class ReviewBacklogCounts
{
    public const string Table = "ReviewBacklogCounts";

    /// <summary>The rows each (state, source) is spread over on PostgreSQL: a connection adds to the one its server process's id picks.</summary>
    public const int Slots = 32;

    /// <summary>Cases in <paramref name="state"/> now: in all (source 0) and per flag source bit.</summary>
    public static async Task<IReadOnlyDictionary<(ReviewCaseState State, int Source), long>> ReadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.ReviewBacklogCounts.AsNoTracking()
            .GroupBy(c => new { c.State, c.Source }).Select(g => new { g.Key.State, g.Key.Source, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.State, c.Source), c => c.Count, cancellationToken);
}
