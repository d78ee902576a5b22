using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// At start-up, before the job host runs anything: a job still marked Running was cut off when its process
/// stopped, so it is marked Interrupted (keeping how far it got, and its input for a re-run); uploads left in
/// preview by pages that no longer exist are removed. On SQLite, one instance, every Running job and staged upload is such a
/// one. On PostgreSQL other instances, sharing the data folder, may be running the job or previewing the upload: only jobs
/// Quartz runs nowhere are marked, at start-up and by the hourly housekeeping (Quartz forgets a dead instance's jobs within
/// seconds, maybe after the start-up of the one that noticed), and only uploads past their lifetime are removed.
/// </summary>
internal sealed class JobRecovery(IDbContextFactory<AppDbContext> contextFactory, JobHousekeeping housekeeping, DatabaseSettings database,
    TimeProvider clock, ILogger<JobRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MarkInterruptedAsync(contextFactory, clock, logger, cancellationToken);
        housekeeping.RemoveStagedUploads(olderThan: database.Provider == DatabaseProvider.PostgreSql
            ? clock.GetUtcNow().UtcDateTime - JobRetention.StagedUploadLifetime
            : DateTime.MaxValue);
    }

    public static async Task<int> MarkInterruptedAsync(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock, ILogger logger,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = JsonSerializer.Serialize(JobMessage.Of("Jobs.Failure.Interrupted"));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var running = db.JobRecords.Where(j => j.Status == JobStatus.Running);
        if (db.Database.IsNpgsql())
        {
            var elsewhere = await QuartzFiredJobs.NamesAsync(db, JobScheduler.Group, cancellationToken);
            var orphans = (await running.Select(j => j.Id).ToListAsync(cancellationToken)).Where(id => !elsewhere.Contains(JobScheduler.KeyOf(id).Name)).ToList();
            running = running.Where(j => orphans.Contains(j.Id));
        }
        var interrupted = await running.ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Interrupted)
            .SetProperty(j => j.EndedAtUtc, now)
            .SetProperty(j => j.FailureJson, reason), cancellationToken);
        if (interrupted > 0) logger.LogWarning("{Count} job(s) were running when their app instance stopped; they are marked Interrupted and can be run again.", interrupted);
        return interrupted;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
