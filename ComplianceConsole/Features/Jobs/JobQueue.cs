using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Where pages hand long work to the job host: a job is recorded (and audited) as Queued under the person who
/// asked, who must hold the kind's permission now and again when it starts; it can be cancelled and, if it was
/// interrupted, run again.
/// </summary>
public sealed class JobQueue(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector protector,
    JobStorage storage, JobScheduler scheduler, ILiveNotifier notifier, IEnumerable<JobKind> kinds, TimeProvider clock)
{
    /// <summary>Queues a job; <paramref name="inputFile"/> (an encrypted staged upload) moves into the job's own folder.</summary>
    public async Task<long> EnqueueAsync<TInput, THandler>(JobKind<TInput, THandler> kind, TInput input, IReadOnlyList<JobOption> options,
        int total, string? inputFile = null, CancellationToken cancellationToken = default)
        where THandler : IJobHandler<TInput>
    {
        var actor = await guard.DemandActorAsync(kind.Permission);
        var encrypted = protector.Encrypt(JobKind<TInput, THandler>.Serialize(input));
        return await QueueAsync(kind, actor, _ => Task.FromResult<byte[]?>(encrypted), JsonSerializer.Serialize(options), total, inputFile, rerunOf: null, cancellationToken);
    }

    /// <summary>
    /// Queues a job with the record its feature keeps of it, in one transaction, so a crash leaves both or neither:
    /// <paramref name="recordAsync"/> adds that record (and its audit event) in the job's context and returns the job's input, or
    /// null to queue nothing after all (everything it did is rolled back; the result is then null too).
    /// </summary>
    public async Task<long?> EnqueueAsync<TInput, THandler>(JobKind<TInput, THandler> kind, Func<AppDbContext, Task<TInput?>> recordAsync,
        IReadOnlyList<JobOption> options, int total, CancellationToken cancellationToken = default)
        where TInput : class
        where THandler : IJobHandler<TInput>
    {
        var actor = await guard.DemandActorAsync(kind.Permission);
        var id = await QueueAsync(kind, actor, async db => await recordAsync(db) is { } input ? protector.Encrypt(JobKind<TInput, THandler>.Serialize(input)) : null,
            JsonSerializer.Serialize(options), total, inputFile: null, rerunOf: null, cancellationToken);
        return id == 0 ? null : id;
    }

    /// <summary>Cancels my job: a queued one never starts, a running one stops before its next batch.</summary>
    public async Task<Result> CancelAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(JobPermissions.ReadOwn);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.JobRecords.SingleOrDefaultAsync(j => j.Id == jobId && j.RequestedById == actor.Id, cancellationToken);
        if (job is null) return Result.Refused("Jobs.NotFound");
        if (!job.IsActive) return Result.Refused("Jobs.AlreadyEnded");
        if (job.Status == JobStatus.Queued)
        {
            job.Status = JobStatus.Cancelled;
            job.EndedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        job.CancelRequested = true;
        await audit.SaveWithAuditAsync(db, actor, AuditActions.JobCancelled, "Job", job.Id.ToString(), new { job.Kind }, cancellationToken);
        if (job.Status == JobStatus.Cancelled)
        {
            await scheduler.UnscheduleAsync(job.Id, cancellationToken);
            storage.DeleteInput(job.Id);
        }
        notifier.Publish(new JobChanged(job.Id, job.RequestedById, job.Status));
        return Result.Ok;
    }

    /// <summary>Runs my interrupted job again with the same input, as a new job; the kind's own idempotence keeps a re-run from doing anything twice.</summary>
    public async Task<Result<long>> RerunAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var owner = await guard.DemandActorAsync(JobPermissions.ReadOwn);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.JobRecords.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.RequestedById == owner.Id, cancellationToken);
        if (job is null) return Result.Refused("Jobs.NotFound");
        var kind = kinds.SingleOrDefault(k => k.Name == job.Kind);
        if (job.Status != JobStatus.Interrupted || kind is not { CanRerun: true }) return Result.Refused("Jobs.CannotRerun");

        var actor = await guard.DemandActorAsync(kind.Permission);
        var input = storage.InputOf(job.Id);
        var id = await QueueAsync(kind, actor, _ => Task.FromResult<byte[]?>(job.Input), job.OptionsJson, job.Total, File.Exists(input) ? input : null, job.Id, cancellationToken);
        return Result<long>.Ok(id);
    }

    /// <summary>Records, audits and schedules the job; 0 when <paramref name="inputAsync"/> gave no input (nothing queued).</summary>
    private async Task<long> QueueAsync(JobKind kind, AuditActor actor, Func<AppDbContext, Task<byte[]?>> inputAsync, string optionsJson, int total,
        string? inputFile, long? rerunOf, CancellationToken cancellationToken)
    {
        JobRecord job;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken))
        {
            if (await inputAsync(db) is not { } input) return 0;
            job = new JobRecord
            {
                Kind = kind.Name, RequestedById = actor.Id, RequestedByName = actor.ShownName, RequestedFromIp = actor.IpAddress,
                OptionsJson = optionsJson, Input = input, Status = JobStatus.Queued, Total = total,
                QueuedAtUtc = clock.GetUtcNow().UtcDateTime, RerunOfId = rerunOf,
            };
            db.JobRecords.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            if (inputFile is not null)
            {
                storage.CreateFolderOf(job.Id);
                File.Move(inputFile, storage.InputOf(job.Id));
            }
            await appender.SaveWithAuditAsync(db, actor, AuditActions.JobQueued, "Job", job.Id.ToString(), new { job.Kind, rerunOf }, cancellationToken);
            await appender.CommitAsync(cancellationToken);
        }
        await scheduler.ScheduleAsync(job.Id, kind.CanRerun, cancellationToken);
        notifier.Publish(new JobChanged(job.Id, job.RequestedById, JobStatus.Queued));
        return job.Id;
    }
}
