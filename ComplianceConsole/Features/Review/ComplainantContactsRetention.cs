using ComplianceConsole.Data;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Complainants' contacts, once the case their complaint is on has been decided for the rule's days.</summary>
internal sealed class ComplainantContactsTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.ComplainantContacts;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var (heldUsers, heldCases) = (RetentionHolds.Users(db), RetentionHolds.Cases(db));
        return db.Flags
            .Where(f => f.ComplainantContactCipher != null && db.ReviewCases.Any(c => c.Id == f.ReviewCaseId && c.State == ReviewCaseState.Decided
                && c.DecidedAtUtc <= cutoffUtc && !heldCases.Contains(c.Id) && !heldUsers.Contains(c.AuthorId)))
            .Select(f => f.Id);
    }

    public Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken) =>
        db.Flags.Where(f => keys.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.ComplainantContactCipher, (byte[]?)null), cancellationToken);
}
