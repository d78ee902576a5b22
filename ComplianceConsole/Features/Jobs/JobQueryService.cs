using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>Whose jobs (mine, or everyone's for those who may see them all), of which kind, in which status.</summary>
public sealed record JobFilter(bool Everyone = false, string? Kind = null, JobStatus? Status = null);

/// <summary>A job as the Jobs page shows it.</summary>
public sealed record JobView(
    long Id, string Kind, string RequestedByName, JobStatus Status, int Done, int Total, string? Phase,
    DateTime QueuedAtUtc, DateTime? StartedAtUtc, DateTime? EndedAtUtc, IReadOnlyList<JobOption> Options,
    JobResult? Result, JobMessage? Failure, DateTime? FilesExpireAtUtc, DateTime? FilesRemovedAtUtc, bool IsMine, bool CanRerun,
    IReadOnlyList<string> LineHeaderKeys)
{
    public double Percent => Total <= 0 ? (Status == JobStatus.Succeeded ? 100 : 0) : Math.Min(100, 100.0 * Done / Total);

    public IReadOnlyList<JobFile> Files => FilesRemovedAtUtc is null ? Result?.Files ?? [] : [];

    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;

    /// <summary>Ended as asked, but with lines to look at (an import's bad rows, a chain's breaks): shown as a warning, not a success.</summary>
    public bool HasProblems => Status == JobStatus.Succeeded && Result is { Lines.Count: > 0, LinesAreBreakdown: false };

    /// <summary>The status as people read it: a success with problem lines says so.</summary>
    public string StatusKey => HasProblems ? "JobStatus.SucceededWithProblems" : $"JobStatus.{Status}";
}

/// <summary>A result file to send to the person who may download it.</summary>
public sealed record JobFileDownload(string Path, string DownloadName, string ContentType);

/// <summary>Reads jobs for the Jobs page and the app bar: one's own, or everyone's with <see cref="JobPermissions.ReadAll"/>.</summary>
public sealed class JobQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, JobStorage storage, IEnumerable<JobKind> kinds)
{
    public IReadOnlyList<string> KindNames { get; } = kinds.Select(k => k.Name).Order().ToList();

    public async Task<KeysetPage<JobView>> GetPageAsync(JobFilter filter, PageAnchor anchor, long? cursor, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(filter.Everyone ? JobPermissions.ReadAll : JobPermissions.ReadOwn);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.JobRecords.AsNoTracking();
        if (!filter.Everyone) query = query.Where(j => j.RequestedById == actor.Id);
        if (filter.Kind is { } kind) query = query.Where(j => j.Kind == kind);
        if (filter.Status is { } status) query = query.Where(j => j.Status == status);
        var page = await query.Seek(j => j.Id, descending: true, anchor, cursor).Select(Stored).ReadPageAsync(pageSize, anchor, cancellationToken);
        return page.Select(row => View(row, actor.Id));
    }

    /// <summary>One job, if it is mine or I may see everyone's.</summary>
    public async Task<JobView?> GetAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(JobPermissions.ReadOwn);
        var everyone = await guard.HasAsync(JobPermissions.ReadAll);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.JobRecords.AsNoTracking().Where(j => j.Id == jobId && (everyone || j.RequestedById == actor.Id))
            .Select(Stored).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : View(row, actor.Id);
    }

    /// <summary>How many of my jobs are queued or running, for the app bar's badge.</summary>
    public async Task<int> CountMyActiveAsync(CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(JobPermissions.ReadOwn);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.JobRecords.CountAsync(j => j.RequestedById == actor.Id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running), cancellationToken);
    }

    /// <summary>A result file of a job I may see, checked on every download; null when there is no such file (or no longer).</summary>
    public async Task<JobFileDownload?> OpenFileAsync(long jobId, string name, CancellationToken cancellationToken = default)
    {
        var job = await GetAsync(jobId, cancellationToken);
        var file = job?.Files.SingleOrDefault(f => f.Name == name);
        var path = file is null ? null : storage.ResultFileOf(jobId, file.Name);
        if (path is null || !File.Exists(path)) return null;
        var contentType = Path.GetExtension(name) switch
        {
            ".csv" => "text/csv; charset=utf-8",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "application/octet-stream",
        };
        return new JobFileDownload(path, $"{job!.Kind}-{job.Id}-{name}", contentType);
    }

    private static readonly System.Linq.Expressions.Expression<Func<JobRecord, StoredJob>> Stored = j => new StoredJob(
        j.Id, j.Kind, j.RequestedById, j.RequestedByName, j.Status, j.Done, j.Total, j.Phase, j.QueuedAtUtc, j.StartedAtUtc, j.EndedAtUtc,
        j.OptionsJson, j.ResultJson, j.FailureJson, j.FilesExpireAtUtc, j.FilesRemovedAtUtc);

    private JobView View(StoredJob j, string? actorId)
    {
        var kind = kinds.SingleOrDefault(k => k.Name == j.Kind);
        return new(
        j.Id, j.Kind, j.RequestedByName, j.Status, j.Done, j.Total, j.Phase, j.QueuedAtUtc, j.StartedAtUtc, j.EndedAtUtc,
        JsonSerializer.Deserialize<List<JobOption>>(j.OptionsJson) ?? [],
        j.ResultJson is null ? null : JsonSerializer.Deserialize<JobResult>(j.ResultJson),
        j.FailureJson is null ? null : JsonSerializer.Deserialize<JobMessage>(j.FailureJson),
        j.FilesExpireAtUtc, j.FilesRemovedAtUtc, j.RequestedById == actorId,
        j.RequestedById == actorId && j.Status == JobStatus.Interrupted && kind is { CanRerun: true },
        kind?.LineHeaderKeys ?? []);
    }

    private sealed record StoredJob(
        long Id, string Kind, string? RequestedById, string RequestedByName, JobStatus Status, int Done, int Total, string? Phase,
        DateTime QueuedAtUtc, DateTime? StartedAtUtc, DateTime? EndedAtUtc, string OptionsJson, string? ResultJson, string? FailureJson,
        DateTime? FilesExpireAtUtc, DateTime? FilesRemovedAtUtc);
}
