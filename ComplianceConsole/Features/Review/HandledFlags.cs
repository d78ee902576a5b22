using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Marks the flags a decision handles (<see cref="Flag.HandledAtUtc"/>): those of the cases that came in by then and were not handled
/// before. Gives, per case that had any, the times the decision is measured by (<see cref="ReviewerDayCounts"/>).
/// </summary>
internal static class HandledFlags
{
    public static async Task<Dictionary<long, HandledFlagTimes>> MarkAsync(AppDbContext db, IEnumerable<long> caseIds, DateTime decidedAtUtc, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToArray();
        var handled = db.Flags.Where(f => ids.Contains(f.ReviewCaseId) && f.HandledAtUtc == null && f.ReceivedAtUtc <= decidedAtUtc);
        // Counted for the dashboard (written by the caller's save, in its transaction) before they are marked.
        var flags = await handled.Select(f => new { f.ReviewCaseId, f.Source, f.ReceivedAtUtc, f.DueAtUtc }).ToListAsync(cancellationToken);
        foreach (var f in flags) ReviewDayCounts.Handled(db.DayCountChanges, f.Source, f.ReceivedAtUtc, f.DueAtUtc, decidedAtUtc);
        await handled.ExecuteUpdateAsync(s => s.SetProperty(f => f.HandledAtUtc, decidedAtUtc), cancellationToken);
        return flags.GroupBy(f => f.ReviewCaseId)
            .ToDictionary(g => g.Key, g => new HandledFlagTimes(g.Min(f => f.ReceivedAtUtc), g.Min(f => f.DueAtUtc)));
    }
}
