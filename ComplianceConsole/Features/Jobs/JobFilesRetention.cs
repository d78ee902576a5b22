using ComplianceConsole.Data;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Jobs that ended the rule's days ago: their record (whose input may name people) and their folder (an import's upload and
/// error report). The hourly housekeeping already removes result files after <c>Jobs:FileRetentionDays</c>.
/// </summary>
internal sealed class JobFilesTarget(JobStorage storage) : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.JobFiles;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc) =>
        db.JobRecords.Where(j => j.EndedAtUtc <= cutoffUtc && j.Status != JobStatus.Queued && j.Status != JobStatus.Running).Select(j => j.Id);

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        foreach (var id in keys)
        {
            if (Directory.Exists(storage.FolderOf(id))) Directory.Delete(storage.FolderOf(id), recursive: true);
        }
        await db.JobRecords.Where(j => keys.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
