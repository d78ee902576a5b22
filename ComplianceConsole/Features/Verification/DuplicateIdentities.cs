using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// Keeps the duplicate flag true on every record whose identity is verified for another platform user,
/// and false otherwise. Runs on the tracked context before the caller saves, so it commits with the change.
/// </summary>
internal static class DuplicateIdentities
{
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<string> identifierHashes, CancellationToken cancellationToken)
    {
        if (identifierHashes.Count == 0) return;
        var stored = await db.VerificationRecords.WithIdentity(identifierHashes).ToListAsync(cancellationToken);
        // Records added in this unit of work but not yet saved count too.
        var pending = db.ChangeTracker.Entries<VerificationRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        foreach (var group in stored.Union(pending).Where(r => identifierHashes.Contains(r.IdentifierHash)).GroupBy(r => r.IdentifierHash))
        {
            var verifiedUsers = group.Where(r => r.Status == VerificationStatus.Verified).Select(r => r.PlatformUserId).Distinct().ToList();
            foreach (var record in group)
            {
                var duplicate = verifiedUsers.Any(user => user != record.PlatformUserId);
                if (record.IsDuplicate != duplicate) record.IsDuplicate = duplicate;
            }
        }
    }
}
