using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Marks the flags a decision handles (<see cref="Flag.HandledAtUtc"/>): those of the cases that came in by then and were not handled before.</summary>
internal static class HandledFlags
{
    public static async Task<int> MarkAsync(AppDbContext db, IEnumerable<long> caseIds, DateTime decidedAtUtc, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToArray();
        var handled = db.Flags.Where(f => ids.Contains(f.ReviewCaseId) && f.HandledAtUtc == null && f.ReceivedAtUtc <= decidedAtUtc);
        // Counted for the dashboard (written by the caller's save, in its transaction) before they are marked.
        foreach (var f in await handled.Select(f => new { f.Source, f.ReceivedAtUtc, f.DueAtUtc }).ToListAsync(cancellationToken))
        {
            ReviewDayCounts.Handled(db.DayCountChanges, f.Source, f.ReceivedAtUtc, f.DueAtUtc, decidedAtUtc);
        }
        return await handled.ExecuteUpdateAsync(s => s.SetProperty(f => f.HandledAtUtc, decidedAtUtc), cancellationToken);
    }
}
