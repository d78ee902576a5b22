using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// At start-up, before the job host runs anything: a job still marked Running was cut off when the process
/// stopped, so it is marked Interrupted (keeping how far it got, and its input for a re-run); uploads left in
/// preview by pages that no longer exist are removed.
/// </summary>
internal sealed class JobRecovery(IDbContextFactory<AppDbContext> contextFactory, JobHousekeeping housekeeping, TimeProvider clock, ILogger<JobRecovery> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = JsonSerializer.Serialize(JobMessage.Of("Jobs.Failure.Interrupted"));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.JobRecords.Where(j => j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Interrupted)
            .SetProperty(j => j.EndedAtUtc, now)
            .SetProperty(j => j.FailureJson, reason), cancellationToken);
        if (interrupted > 0) logger.LogWarning("{Count} job(s) were running when the app stopped; they are marked Interrupted and can be run again.", interrupted);
        housekeeping.RemoveStagedUploads(olderThan: DateTime.MaxValue);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
