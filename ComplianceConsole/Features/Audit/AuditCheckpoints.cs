using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// Writes and reads the chain's signed checkpoints: in the database and appended to <c>audit-checkpoints.log</c>
/// (or the file named by <c>ComplianceConsole:AuditCheckpointFile</c>, which can live on other storage), so that
/// deleting them from the database alone hides nothing. The job host writes one every hour; an export writes one
/// for its cover sheet.
/// </summary>
public sealed class AuditCheckpoints(IDbContextFactory<AppDbContext> contextFactory, AuditKey key, IConfiguration configuration,
    DataFolder dataFolder, TimeProvider clock)
{
    public const string FileConfigurationKey = "ComplianceConsole:AuditCheckpointFile";
    private static readonly SemaphoreSlim FileLock = new(1, 1);

    private string FilePath => string.IsNullOrWhiteSpace(configuration[FileConfigurationKey])
        ? dataFolder.File("audit-checkpoints.log")
        : Path.GetFullPath(configuration[FileConfigurationKey]!);

    /// <summary>Signs the current head of the chain, unless the newest checkpoint already names it; returns the checkpoint in force.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;
        var newest = await db.AuditCheckpoints.AsNoTracking().Where(c => !c.IsPurgeBase).OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null && newest.Sequence == head.Sequence && newest.Hash == head.Hash) return newest;

        var checkpoint = new AuditCheckpoint { Sequence = head.Sequence, Hash = head.Hash, CreatedAtUtc = AuditTrail.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime) };
        checkpoint.Signature = key.Mac(checkpoint.SignedText());
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        await AppendToFileAsync(checkpoint, cancellationToken);
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
        var checkpoint = new AuditCheckpoint
        {
            Sequence = sequence, Hash = hash, IsPurgeBase = true, CreatedAtUtc = AuditTrail.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
        };
        checkpoint.Signature = key.Mac(checkpoint.SignedText());
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        await AppendToFileAsync(checkpoint, cancellationToken);
        return checkpoint;
    }

    /// <summary>Every checkpoint in the database or the file (the same one in both counts once), oldest first.</summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AuditCheckpoints.AsNoTracking().ToListAsync(cancellationToken);
        var filed = File.Exists(FilePath)
            ? (await File.ReadAllLinesAsync(FilePath, cancellationToken)).Where(l => l.Length > 0).Select(Parse).OfType<AuditCheckpoint>()
            : [];
        return stored.Concat(filed).DistinctBy(c => c.SignedText() + c.Signature).OrderBy(c => c.Sequence).ThenBy(c => c.CreatedAtUtc).ToList();
    }

    public bool IsGenuine(AuditCheckpoint checkpoint) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(key.Mac(checkpoint.SignedText())), System.Text.Encoding.ASCII.GetBytes(checkpoint.Signature));

    private async Task AppendToFileAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await FileLock.WaitAsync(cancellationToken);
        try
        {
            var line = JsonSerializer.Serialize(new FiledCheckpoint(checkpoint.Sequence, checkpoint.Hash, checkpoint.CreatedAtUtc, checkpoint.Signature, checkpoint.IsPurgeBase)) + "\n";
            await using (var file = new StreamWriter(Security.Pii.EncryptedFiles.CreateOwnerOnly(FilePath, FileMode.Append)))
            {
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
                ? new AuditCheckpoint { Sequence = c.Sequence, Hash = c.Hash, CreatedAtUtc = DateTime.SpecifyKind(c.CreatedAtUtc, DateTimeKind.Utc), Signature = c.Signature, IsPurgeBase = c.PurgeBase }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Lines written before purges existed have no PurgeBase: ordinary checkpoints.
    private sealed record FiledCheckpoint(long Sequence, string Hash, DateTime CreatedAtUtc, string Signature, bool PurgeBase = false);
}

/// <summary>The recurring Quartz job that signs the chain's head.</summary>
[DisallowConcurrentExecution]
public sealed class AuditCheckpointJob(AuditCheckpoints checkpoints) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await checkpoints.WriteAsync(cancellationToken);
}
