using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>Verification records (identifiers, real names) and their history, once the platform account has been closed for the rule's days.</summary>
internal sealed class VerificationRecordsTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.VerificationRecords;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var heldUsers = RetentionHolds.Users(db);
        return db.VerificationRecords
            .Where(r => db.PlatformUsers().Any(u => u.Id == r.PlatformUserId && u.ClosedAtUtc <= cutoffUtc) && !heldUsers.Contains(r.PlatformUserId))
            .Select(r => r.Id);
    }

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var records = await db.VerificationRecords.Where(r => keys.Contains(r.Id))
            .Select(r => new { r.IdentifierHash, r.Status, r.SubmittedAtUtc, r.DecidedAtUtc }).ToListAsync(cancellationToken);
        foreach (var r in records) VerificationDayCounts.Add(db.DayCountChanges, r.Status, r.SubmittedAtUtc, r.DecidedAtUtc, -1);
        var identities = records.Select(r => r.IdentifierHash).Distinct().ToList();
        await db.VerificationHistory.Where(h => keys.Contains(h.VerificationRecordId)).ExecuteDeleteAsync(cancellationToken);
        await db.VerificationRecords.Where(r => keys.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        // Another person's record of the same identity was a duplicate because it was verified for this closed account; now it may not be.
        await Verification.DuplicateIdentities.RefreshAsync(db, identities, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
