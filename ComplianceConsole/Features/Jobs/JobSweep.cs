using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Keeps the job registry true to Quartz, every <see cref="Interval"/> on one instance: a Running job whose instance died and that
/// Quartz will not run again is marked Interrupted (<see cref="JobRecovery.MarkInterruptedAsync"/>); a job recorded as Queued whose
/// scheduling was lost (its process died between the two) is scheduled now.
/// </summary>
public sealed class JobSweep(IDbContextFactory<AppDbContext> contextFactory, JobScheduler scheduler, IEnumerable<JobKind> kinds,
    ILiveNotifier notifier, TimeProvider clock, ILogger<JobSweep> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>A job is recorded, then scheduled at once: one unscheduled after this long lost its scheduling to a crash.</summary>
    public static readonly TimeSpan SchedulingGrace = TimeSpan.FromSeconds(30);

    public async Task<(int Interrupted, int Scheduled)> RunAsync(CancellationToken cancellationToken = default)
    {
        var interrupted = await JobRecovery.MarkInterruptedAsync(contextFactory, clock, logger, onlyRecoverableFired: false, cancellationToken, notifier);
        return (interrupted, await ScheduleLostAsync(cancellationToken));
    }

    private async Task<int> ScheduleLostAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - SchedulingGrace;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var queued = await db.JobRecords.Where(j => j.Status == JobStatus.Queued && j.QueuedAtUtc < before)
            .Select(j => new { j.Id, j.Kind }).ToListAsync(cancellationToken);
        if (queued.Count == 0) return 0;
        var scheduled = await QuartzFiredJobs.ScheduledNamesAsync(db, JobScheduler.Group, cancellationToken);
        var lost = queued.Where(j => !scheduled.Contains(JobScheduler.KeyOf(j.Id).Name)).ToList();
        foreach (var job in lost)
        {
            try
            {
                await scheduler.ScheduleAsync(job.Id, kinds.SingleOrDefault(k => k.Name == job.Kind) is { CanRerun: true }, cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Scheduled meanwhile: it runs once all the same (it starts only from Queued).
            }
        }
        if (lost.Count > 0) logger.LogWarning("{Count} queued job(s) had lost their place on the job host; they are scheduled again.", lost.Count);
        return lost.Count;
    }
}

/// <summary>The recurring Quartz job that runs <see cref="JobSweep"/>.</summary>
[DisallowConcurrentExecution]
public sealed class JobSweepJob(JobSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await sweep.RunAsync(cancellationToken);
}
