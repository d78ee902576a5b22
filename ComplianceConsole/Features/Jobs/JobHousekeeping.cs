using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

public sealed record HousekeepingResult(int ExpiredJobFolders, int OrphanFolders, int AbandonedUploads);

/// <summary>
/// Recurring clean-up on the job host: result files past their retention, folders of jobs that no longer exist,
/// and uploads abandoned in preview. Nothing here holds personal data in the
/// clear, but nothing is kept longer than promised.
/// </summary>
public sealed class JobHousekeeping(IDbContextFactory<AppDbContext> contextFactory, JobStorage storage,
    TimeProvider clock, ILogger<JobHousekeeping> logger)
{
    public async Task<HousekeepingResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await RemoveExpiredFilesAsync(now, cancellationToken);
        var orphans = await RemoveOrphanFoldersAsync(olderThan: now - JobRetention.StagedUploadLifetime, cancellationToken);
        var abandoned = RemoveStagedUploads(olderThan: now - JobRetention.StagedUploadLifetime);
        if (expired + orphans + abandoned > 0)
        {
            logger.LogInformation("Housekeeping removed {Expired} expired job folders, {Orphans} orphaned ones and {Abandoned} abandoned uploads.", expired, orphans, abandoned);
        }
        return new HousekeepingResult(expired, orphans, abandoned);
    }

    /// <summary>At start-up no page is previewing anything yet, so every staged upload is a leftover.</summary>
    public int RemoveStagedUploads(DateTime olderThan)
    {
        if (!Directory.Exists(storage.StagingFolder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(storage.StagingFolder).Where(f => File.GetLastWriteTimeUtc(f) < olderThan))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    private async Task<int> RemoveExpiredFilesAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.JobRecords.Where(j => j.FilesExpireAtUtc != null && j.FilesExpireAtUtc <= now && j.FilesRemovedAtUtc == null)
            .OrderBy(j => j.Id).Select(j => j.Id).Take(1_000).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            if (Directory.Exists(storage.FolderOf(id))) Directory.Delete(storage.FolderOf(id), recursive: true);
        }
        await db.JobRecords.Where(j => expired.Contains(j.Id)).ExecuteUpdateAsync(s => s.SetProperty(j => j.FilesRemovedAtUtc, now), cancellationToken);
        return expired.Count;
    }

    // Only older folders: a job being queued has its folder a moment before its record is committed.
    private async Task<int> RemoveOrphanFoldersAsync(DateTime olderThan, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(storage.JobsFolder)) return 0;
        var folders = Directory.EnumerateDirectories(storage.JobsFolder).Where(path => Directory.GetLastWriteTimeUtc(path) < olderThan)
            .Select(path => (Path: path, Id: long.TryParse(Path.GetFileName(path), out var id) ? id : (long?)null))
            .ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var removed = 0;
        foreach (var chunk in folders.Chunk(500))
        {
            var ids = chunk.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToList();
            var known = (await db.JobRecords.Where(j => ids.Contains(j.Id)).Select(j => j.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var folder in chunk.Where(f => f.Id is not { } id || !known.Contains(id)))
            {
                Directory.Delete(folder.Path, recursive: true);
                removed++;
            }
        }
        return removed;
    }
}
