using ComplianceConsole.Data;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>Biometric-editing consents (with their evidence files) once withdrawn or lapsed for the rule's days.</summary>
internal sealed class ConsentsTarget(DataFolder dataFolder) : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.Consents;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var heldUsers = RetentionHolds.Users(db);
        return db.BiometricConsents
            .Where(c => (c.WithdrawnAtUtc <= cutoffUtc || c.ValidUntilUtc <= cutoffUtc) && !heldUsers.Contains(c.PlatformUserId))
            .Select(c => c.Id);
    }

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var evidence = db.EvidenceFiles.Where(f => f.Owner == EvidenceOwner.Consent && keys.Contains(f.OwnerId));
        foreach (var stored in await evidence.Select(f => f.StoredName).ToListAsync(cancellationToken))
        {
            File.Delete(Path.Combine(dataFolder.File(EvidenceService.FolderName), stored));
        }
        await evidence.ExecuteDeleteAsync(cancellationToken);
        await db.BiometricConsents.Where(c => keys.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
