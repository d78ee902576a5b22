using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// Right after migrations, before anything encrypts or decrypts: creates the personal-data key file only while the database
/// holds nothing it would protect, and otherwise makes sure the file is there and decrypts what is stored. A replaced key
/// file used to be accepted silently: new data went in under the new key and every existing record page failed.
/// </summary>
internal sealed class PiiKeyCheck(IServiceProvider services, IDbContextFactory<AppDbContext> contextFactory, IConfiguration configuration,
    DataFolder dataFolder, ILogger<PiiKeyCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = PiiKeyRing.PathFor(configuration, dataFolder);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(configuration[PiiKeyRing.ConfigurationKey])) throw new StartupRefusedException(PiiKeyFileMessages.Missing(path));
            // Looked for again: an instance starting beside this one creates the file before it stores anything under it.
            if (await HoldsProtectedDataAsync(db, cancellationToken) && !File.Exists(path))
            {
                throw new StartupRefusedException(PiiKeyFileMessages.MissingWithData(path));
            }
            if (PiiKeyRing.CreateFile(path)) logger.LogWarning("Created the personal-data key file {Path}. Back it up with the database.", path);
        }
        var ring = services.GetRequiredService<PiiKeyRing>();
        var protector = services.GetRequiredService<PiiProtector>();
        foreach (var sample in (await KnownCiphertextsAsync(db, cancellationToken)).DistinctBy(c => c[0]))
        {
            try
            {
                protector.DecryptBytes(sample);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                throw new StartupRefusedException(PiiKeyFileMessages.WrongKey(path, sample[0]));
            }
        }
        logger.LogInformation("Personal data is encrypted with key {KeyId} of {KeyCount} in the key ring.", ring.CurrentKeyId, ring.EncryptionKeys.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every table whose rows hold ciphertext under the key, or files sealed with it.</summary>
    private static async Task<bool> HoldsProtectedDataAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.VerificationRecords.AnyAsync(cancellationToken)
        || await db.Flags.AnyAsync(f => f.ComplainantContactCipher != null, cancellationToken)
        || await db.BiometricConsents.AnyAsync(cancellationToken)
        || await db.ReviewDrafts.AnyAsync(cancellationToken)
        || await db.WebhookEndpoints.AnyAsync(cancellationToken)
        || await db.EvidenceFiles.AnyAsync(cancellationToken)
        || await db.ExportJobs.AnyAsync(cancellationToken)
        || await db.DataProtectionKeys.AnyAsync(cancellationToken);

    /// <summary>The oldest and newest ciphertext of the main tables: between them they name every key the data was written with, as a rule.</summary>
    private static async Task<List<byte[]>> KnownCiphertextsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        List<byte[]?> samples =
        [
            await db.VerificationRecords.OrderBy(r => r.Id).Select(r => r.RealNameCipher).FirstOrDefaultAsync(cancellationToken),
            await db.VerificationRecords.OrderByDescending(r => r.Id).Select(r => r.RealNameCipher).FirstOrDefaultAsync(cancellationToken),
            await db.BiometricConsents.OrderBy(c => c.Id).Select(c => c.DepictedPersonNameCipher).FirstOrDefaultAsync(cancellationToken),
            await db.BiometricConsents.OrderByDescending(c => c.Id).Select(c => c.DepictedPersonNameCipher).FirstOrDefaultAsync(cancellationToken),
            await db.Flags.Where(f => f.ComplainantContactCipher != null).OrderByDescending(f => f.Id).Select(f => f.ComplainantContactCipher).FirstOrDefaultAsync(cancellationToken),
        ];
        return [.. samples.Where(s => s is { Length: > 0 }).Select(s => s!)];
    }
}
