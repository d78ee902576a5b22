using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Marks the flags a decision handles (<see cref="Flag.HandledAtUtc"/>): those of the cases that came in by then and were not handled before.</summary>
internal static class HandledFlags
{
    public static Task<int> MarkAsync(AppDbContext db, IEnumerable<long> caseIds, DateTime decidedAtUtc, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToArray();
        return db.Flags.Where(f => ids.Contains(f.ReviewCaseId) && f.HandledAtUtc == null && f.ReceivedAtUtc <= decidedAtUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.HandledAtUtc, decidedAtUtc), cancellationToken);
    }
}
