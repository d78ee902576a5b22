using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// Writes and reads the chain's signed checkpoints, each signed with the audit signing key (ECDSA P-256, see <see cref="AuditKeys"/>):
/// in the database, appended to <c>audit-checkpoints.log</c> (or the file named by <c>ComplianceConsole:AuditCheckpointFile</c>), and
/// sent to the witnesses an Administrator configured: the append-only file named by <c>ComplianceConsole:Audit:WitnessFile</c> (on
/// another volume or machine) and the platform, as an <c>audit.checkpoint</c> webhook event. A witness keeps the signed heads it was
/// sent, so a history rewritten even with the stolen keys no longer matches them. The job host signs the head every
/// <see cref="Interval"/> while events arrive; an export writes one for its cover sheet.
/// </summary>
public sealed class AuditCheckpoints(IDbContextFactory<AppDbContext> contextFactory, AuditKeys keys, IConfiguration configuration,
    DataFolder dataFolder, TimeProvider clock, AuditChain chain, DatabaseWriteGate gate)
{
    public const string FileConfigurationKey = "ComplianceConsole:AuditCheckpointFile";
    public const string WitnessFileConfigurationKey = "ComplianceConsole:Audit:WitnessFile";
    public const string IntervalConfigurationKey = "ComplianceConsole:Audit:CheckpointIntervalSeconds";
    private static readonly SemaphoreSlim FileLock = new(1, 1);

    /// <summary>How often the head is signed while events arrive: the longest stretch of newest events that could be cut off unseen.</summary>
    public static TimeSpan Interval(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue(IntervalConfigurationKey, 60)));

    private string FilePath => string.IsNullOrWhiteSpace(configuration[FileConfigurationKey])
        ? dataFolder.File("audit-checkpoints.log")
        : Path.GetFullPath(configuration[FileConfigurationKey]!);

    private string? WitnessFilePath => string.IsNullOrWhiteSpace(configuration[WitnessFileConfigurationKey])
        ? null
        : Path.GetFullPath(configuration[WitnessFileConfigurationKey]!);

    /// <summary>
    /// Signs the head of the chain with every event committed before chained, unless the newest checkpoint already names it; returns
    /// the checkpoint in force.
    /// </summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken = default)
    {
        await chain.ChainWaitingAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The job, an export's cover and another instance may ask at the same moment: each waits for the one before, and finds
        // the head it would sign already signed.
        await using var transaction = await gate.BeginAsync(db, WriteLock.AuditCheckpoints, cancellationToken);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;
        var newest = await db.AuditCheckpoints.AsNoTracking().Where(c => !c.IsPurgeBase).OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null && newest.Sequence == head.Sequence && newest.Hash == head.Hash) return newest;
        var checkpoint = Sign(db, new AuditCheckpoint { Sequence = head.Sequence, Hash = head.Hash });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AppendAsync(FiledCheckpoint.Of(checkpoint), cancellationToken);
        return checkpoint;
    }

    /// <summary>
    /// Signs "the chain is verified from event <paramref name="sequence"/> on" before the retention purge removes that event and
    /// every older one (<see cref="AuditCheckpoint.IsPurgeBase"/>). Written before the removal, so a purge cut short still verifies.
    /// </summary>
    public async Task<AuditCheckpoint?> WritePurgeBaseAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hash = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
        if (hash is null) return null;
        var checkpoint = Sign(db, new AuditCheckpoint { Sequence = sequence, Hash = hash, IsPurgeBase = true });
        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(FiledCheckpoint.Of(checkpoint), cancellationToken);
        return checkpoint;
    }

    /// <summary>Signs the checkpoint and adds it, with its webhook event for the platform, to the context's changes.</summary>
    private AuditCheckpoint Sign(AppDbContext db, AuditCheckpoint checkpoint)
    {
        checkpoint.CreatedAtUtc = AuditTrail.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
        checkpoint.Signature = keys.Signer.SignText(checkpoint.SignedText());
        checkpoint.KeyId = keys.Signer.Fingerprint;
        db.AuditCheckpoints.Add(checkpoint);
        Webhooks.PlatformEvents.Add(db, Webhooks.PlatformEventTypes.AuditCheckpoint, Webhooks.PlatformEventTypes.AuditCheckpoint, FiledCheckpoint.Of(checkpoint), checkpoint.CreatedAtUtc);
        return checkpoint;
    }

    /// <summary>
    /// Every checkpoint in the database, the file and the witness file (the same one in several counts once), oldest first;
    /// <paramref name="witnessFile"/> adds a witness's copy brought from elsewhere.
    /// </summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> ReadAllAsync(CancellationToken cancellationToken = default, string? witnessFile = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AuditCheckpoints.AsNoTracking().ToListAsync(cancellationToken);
        var filed = new List<AuditCheckpoint>();
        foreach (var path in new[] { FilePath, WitnessFilePath, witnessFile }.OfType<string>().Distinct())
        {
            if (File.Exists(path)) filed.AddRange((await File.ReadAllLinesAsync(path, cancellationToken)).Where(l => l.Length > 0).Select(Parse).OfType<AuditCheckpoint>());
        }
        return stored.Concat(filed).DistinctBy(c => c.SignedText() + c.Signature).OrderBy(c => c.Sequence).ThenBy(c => c.CreatedAtUtc).ToList();
    }

    /// <summary>The console's signing key and every key a recorded rotation links to it.</summary>
    public Task<TrustedSigningKeys> TrustedKeysAsync(CancellationToken cancellationToken = default) =>
        TrustedSigningKeys.FromAsync(contextFactory, keys.Signer, publicKeysOnly: false, cancellationToken);

    /// <summary>
    /// Whether the checkpoint carries a signature by one of the <paramref name="trusted"/> signing keys (the one its key id names);
    /// a legacy HMAC checkpoint only when the trust is not the public keys alone.
    /// </summary>
    public bool IsGenuine(AuditCheckpoint checkpoint, TrustedSigningKeys trusted)
    {
        if (IsLegacyHmac(checkpoint))
        {
            return !trusted.PublicKeysOnly && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(keys.Hmac.Mac(checkpoint.SignedText(), checkpoint.Sequence)), System.Text.Encoding.ASCII.GetBytes(checkpoint.Signature));
        }
        return trusted.Keys.Where(k => checkpoint.KeyId is null || k.Key == checkpoint.KeyId)
            .Any(k => k.Value.VerifyText(checkpoint.SignedText(), checkpoint.Signature));
    }

    /// <summary>
    /// Checkpoints written before they were signed asymmetrically carry an HMAC (64 hex digits) with the audit key: they still verify
    /// with it, though not with the public key alone.
    /// </summary>
    public static bool IsLegacyHmac(AuditCheckpoint checkpoint) => checkpoint.Signature.Length == 64 && checkpoint.Signature.All(char.IsAsciiHexDigitLower);

    /// <summary>One JSON line to the checkpoint file and to the witness file, each opened for appending only.</summary>
    private async Task AppendAsync(FiledCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(checkpoint) + "\n";
        await FileLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var path in new[] { FilePath, WitnessFilePath }.OfType<string>())
            {
                await using var file = new StreamWriter(Security.Pii.EncryptedFiles.CreateOwnerOnly(path, FileMode.Append));
                await file.WriteAsync(line);
            }
        }
        finally
        {
            FileLock.Release();
        }
    }

    // A line that is not a checkpoint (cut off by a crash mid-write) is skipped, not fatal.
    private static AuditCheckpoint? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<FiledCheckpoint>(line) is { } c
                ? new AuditCheckpoint { Sequence = c.Sequence, Hash = c.Hash, CreatedAtUtc = DateTime.SpecifyKind(c.CreatedAtUtc, DateTimeKind.Utc), Signature = c.Signature, IsPurgeBase = c.PurgeBase, KeyId = c.KeyFingerprint }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A checkpoint as a line of the checkpoint and witness files and as the <c>audit.checkpoint</c> event's data: the signature is
    /// ECDSA P-256 over SHA-256 (base64 DER) of <see cref="AuditCheckpoint.SignedText"/>, by the key <c>KeyFingerprint</c> names.
    /// Lines written before purges existed have no PurgeBase: ordinary checkpoints.
    /// </summary>
    private sealed record FiledCheckpoint(long Sequence, string Hash, DateTime CreatedAtUtc, string Signature, bool PurgeBase = false, string? KeyFingerprint = null)
    {
        public static FiledCheckpoint Of(AuditCheckpoint c) => new(c.Sequence, c.Hash, c.CreatedAtUtc, c.Signature, c.IsPurgeBase, c.KeyId);
    }
}
