using System.Text.Json;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// At start-up, before the job host runs anything: a job still marked Running that Quartz will not run again was cut off when
/// its process stopped, so it is marked Interrupted (keeping how far it got, and its input for a re-run); uploads left in
/// preview by pages that no longer exist are removed. A job of a kind that may run again asked Quartz for recovery
/// (<see cref="JobScheduler"/>) and is run again instead. On SQLite, one instance, every fired Quartz trigger at start-up is a
/// dead run's, and every staged upload a leftover. On PostgreSQL other instances, sharing the data folder, may be running the
/// job or previewing the upload: only jobs Quartz runs nowhere are marked, at start-up and by <see cref="JobSweep"/> every few
/// seconds, and only uploads past their lifetime are removed.
/// </summary>
internal sealed class JobRecovery(IDbContextFactory<AppDbContext> contextFactory, JobHousekeeping housekeeping, DatabaseSettings database,
    TimeProvider clock, ILogger<JobRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var alone = database.Provider == DatabaseProvider.Sqlite;
        await MarkInterruptedAsync(contextFactory, clock, logger, onlyRecoverableFired: alone, cancellationToken);
        housekeeping.RemoveStagedUploads(olderThan: alone ? DateTime.MaxValue : clock.GetUtcNow().UtcDateTime - JobRetention.StagedUploadLifetime);
    }

    /// <summary>
    /// Marks Interrupted the Running jobs Quartz neither runs nor will run again (<see cref="QuartzFiredJobs"/>). The Running jobs are
    /// read first: one that starts after that read is not among them, and one among them that Quartz runs had its fired trigger
    /// before it was marked Running, so a job that just started is never taken for a dead one.
    /// </summary>
    public static async Task<int> MarkInterruptedAsync(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock, ILogger logger,
        bool onlyRecoverableFired, CancellationToken cancellationToken, ILiveNotifier? notifier = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.JobRecords.Where(j => j.Status == JobStatus.Running).Select(j => new { j.Id, j.RequestedById }).ToListAsync(cancellationToken);
        if (running.Count == 0) return 0;
        var answered = await QuartzFiredJobs.NamesAsync(db, JobScheduler.Group, onlyRecoverableFired, cancellationToken);
        var orphans = running.Where(j => !answered.Contains(JobScheduler.KeyOf(j.Id).Name)).ToList();
        if (orphans.Count == 0) return 0;
        var ids = orphans.Select(j => j.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = JsonSerializer.Serialize(JobMessage.Of("Jobs.Failure.Interrupted"));
        var interrupted = await db.JobRecords.Where(j => j.Status == JobStatus.Running && ids.Contains(j.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Interrupted)
            .SetProperty(j => j.EndedAtUtc, now)
            .SetProperty(j => j.FailureJson, reason), cancellationToken);
        foreach (var job in orphans) notifier?.Publish(new JobChanged(job.Id, job.RequestedById, JobStatus.Interrupted));
        if (interrupted > 0) logger.LogWarning("{Count} job(s) were running when their app instance stopped; they are marked Interrupted and can be run again.", interrupted);
        return interrupted;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
