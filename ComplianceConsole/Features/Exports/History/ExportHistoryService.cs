using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports.Storage;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.History;

/// <summary>Where an export stands, as the history shows it.</summary>
public enum ExportState { Queued, Running, Ready, Expired, Failed, Cancelled, Interrupted }

/// <summary>One export in the history, with its run state from its job.</summary>
public sealed record ExportHistoryRow
{
    public long Id { get; init; }
    public ExportKind Kind { get; init; }
    public DateTime FromUtc { get; init; }
    public DateTime ToUtc { get; init; }
    public string FiltersJson { get; init; } = "{}";
    public bool Unmasked { get; init; }
    public string RequestedById { get; init; } = "";
    public string RequestedByName { get; init; } = "";
    public DateTime RequestedAtUtc { get; init; }
    public long? ScheduleId { get; init; }
    public long? JobRecordId { get; init; }
    public JobStatus? JobStatus { get; init; }
    public string? FailureJson { get; init; }
    public long? Rows { get; init; }
    public long? Bytes { get; init; }
    public string? FileSha256 { get; init; }
    public string? DataDigest { get; init; }
    public DateTime? ExpiresAtUtc { get; init; }
    public DateTime? FileRemovedAtUtc { get; init; }

    public ExportState StateAt(DateTime nowUtc) => FileSha256 is not null
        ? FileRemovedAtUtc is not null || ExpiresAtUtc <= nowUtc ? ExportState.Expired : ExportState.Ready
        : JobStatus switch
        {
            Jobs.JobStatus.Running => ExportState.Running,
            Jobs.JobStatus.Failed or Jobs.JobStatus.Succeeded => ExportState.Failed,
            Jobs.JobStatus.Cancelled => ExportState.Cancelled,
            Jobs.JobStatus.Interrupted => ExportState.Interrupted,
            _ => ExportState.Queued,
        };

    public JobMessage? Failure => FailureJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<JobMessage>(FailureJson);
}

/// <summary>A workbook to send to the person who may download it.</summary>
public sealed record ExportDownload(Stream Workbook, string FileName);

/// <summary>
/// The export history: my own exports, or everyone's for those who may see every job (<see cref="JobPermissions.ReadAll"/>);
/// and the download of a file, checked again on every download and audited.
/// </summary>
public sealed class ExportHistoryService(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, ExportStorage storage, AuditTrail audit, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<KeysetPage<ExportHistoryRow>> GetPageAsync(bool everyone, PageAnchor anchor, long? cursor, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Create);
        if (everyone) await guard.DemandAsync(JobPermissions.ReadAll);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Rows(db);
        if (!everyone) query = query.Where(r => r.RequestedById == actor.Id);
        return await query.Seek(r => r.Id, descending: true, anchor, cursor).ReadPageAsync(pageSize, anchor, cancellationToken);
    }

    /// <summary>One export I may see (mine, or anyone's with <see cref="JobPermissions.ReadAll"/>), or null.</summary>
    public async Task<ExportHistoryRow?> GetAsync(long exportId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Create);
        var everyone = await guard.HasAsync(JobPermissions.ReadAll);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db).Where(r => r.Id == exportId && (everyone || r.RequestedById == actor.Id)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The export's workbook, when I may see the export (an unmasked one only while I may see PII) and its file is still kept.</summary>
    public async Task<ExportDownload?> OpenAsync(long exportId, CancellationToken cancellationToken = default)
    {
        var row = await GetAsync(exportId, cancellationToken);
        if (row is null || row.StateAt(clock.GetUtcNow().UtcDateTime) != ExportState.Ready) return null;
        if (row.Unmasked && !(await guard.HasAsync(ExportPermissions.Unmasked) && await guard.HasAsync(PiiPermissions.Reveal))) return null;
        var workbook = storage.OpenWorkbook(exportId);
        if (workbook is null) return null;
        var actor = await guard.DemandActorAsync(ExportPermissions.Create);
        await audit.RecordAsync(contextFactory, actor, AuditActions.ExportDownloaded, "Export", exportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { row.Kind, row.Unmasked, row.FileSha256 }, cancellationToken);
        return new ExportDownload(workbook, FileNameOf(row));
    }

    public static string FileNameOf(ExportHistoryRow row) =>
        $"{row.Kind}-{Localization.ChinaTime.FromUtc(row.FromUtc):yyyyMMdd}-{Localization.ChinaTime.FromUtc(row.ToUtc).AddSeconds(-1):yyyyMMdd}-{row.Id}.xlsx";

    private static IQueryable<ExportHistoryRow> Rows(AppDbContext db) =>
        from e in db.ExportJobs.AsNoTracking()
        join j in db.JobRecords.AsNoTracking() on e.JobRecordId equals j.Id into jobs
        from j in jobs.DefaultIfEmpty()
        select new ExportHistoryRow
        {
            Id = e.Id, Kind = e.Kind, FromUtc = e.FromUtc, ToUtc = e.ToUtc, FiltersJson = e.FiltersJson, Unmasked = e.Unmasked,
            RequestedById = e.RequestedById, RequestedByName = e.RequestedByName, RequestedAtUtc = e.RequestedAtUtc, ScheduleId = e.ScheduleId,
            JobRecordId = e.JobRecordId, JobStatus = j == null ? null : j.Status, FailureJson = j == null ? null : j.FailureJson,
            Rows = e.Rows, Bytes = e.Bytes, FileSha256 = e.FileSha256, DataDigest = e.DataDigest, ExpiresAtUtc = e.ExpiresAtUtc,
            FileRemovedAtUtc = e.FileRemovedAtUtc,
        };
}
