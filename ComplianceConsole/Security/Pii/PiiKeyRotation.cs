using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// Adds a new encryption key and re-encrypts every stored identifier and real name with it, in batches.
/// The lookup (HMAC) key is not changed, so lookups and duplicate detection keep working. Run it while no instance serves:
/// <c>rotate-pii-key</c> refuses while <see cref="RunningInstances"/> lists one.
/// </summary>
public sealed class PiiKeyRotation(IDbContextFactory<AppDbContext> contextFactory, IConfiguration configuration, DataFolder dataFolder, ILogger<PiiKeyRotation> logger)
{
    private const int BatchSize = 2_000;

    public async Task<int> RotateAsync(CancellationToken cancellationToken = default)
    {
        var path = PiiKeyRing.PathFor(configuration, dataFolder);
        var ring = PiiKeyRing.AddEncryptionKey(path);
        var pii = new PiiProtector(ring);
        logger.LogInformation("Added encryption key {KeyId} to {Path}; re-encrypting records.", ring.CurrentKeyId, path);

        long after = 0;
        var rewritten = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.VerificationRecords.Where(r => r.Id > after).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var record in batch.Where(r => !pii.IsEncryptedWithCurrentKey(r.IdentifierCipher) || !pii.IsEncryptedWithCurrentKey(r.RealNameCipher)))
            {
                record.IdentifierCipher = pii.Encrypt(pii.Decrypt(record.IdentifierCipher));
                record.RealNameCipher = pii.Encrypt(pii.Decrypt(record.RealNameCipher));
                rewritten++;
            }
            await db.SaveChangesAsync(cancellationToken);
            after = batch[^1].Id;
        }
        logger.LogInformation("Re-encrypted {Count} records with key {KeyId}.", rewritten, ring.CurrentKeyId);
        return rewritten;
    }
}
