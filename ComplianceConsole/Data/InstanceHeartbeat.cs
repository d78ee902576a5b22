using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// Keeps this instance's row in <see cref="RunningInstance"/> while it serves: written once every hosted service has started
/// (an instance whose start-up was refused never appears), renewed every <see cref="RunningInstances.Interval"/>, removed on a
/// graceful stop. Rows of instances not seen for <see cref="RunningInstances.Expiry"/> are cleared when an instance starts.
/// Commands start only the hosted services they need (<see cref="AppCommands"/>), never this one, so they do not count as serving.
/// </summary>
internal sealed class InstanceHeartbeat(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<InstanceHeartbeat> logger)
    : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private RunningInstance? _instance;
    private Task? _beating;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _instance = new RunningInstance
        {
            Id = Guid.NewGuid(), MachineName = Environment.MachineName, ProcessId = Environment.ProcessId, StartedAtUtc = now, LastSeenAtUtc = now,
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var gone = now - RunningInstances.Expiry;
            await db.RunningInstances.Where(i => i.LastSeenAtUtc <= gone).ExecuteDeleteAsync(cancellationToken);
            db.RunningInstances.Add(_instance);
            await db.SaveChangesAsync(cancellationToken);
        }
        _beating = BeatAsync(_instance, _stopping.Token);
    }

    private async Task BeatAsync(RunningInstance instance, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RunningInstances.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RenewAsync(instance, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The next tick tries again; the row counts as gone only after four misses.
                    logger.LogWarning(e, "Could not record that this instance is still running.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Puts the row back if it is gone: another instance starting cleared it while the database could not be reached from here.</summary>
    private async Task RenewAsync(RunningInstance instance, CancellationToken cancellationToken)
    {
        instance.LastSeenAtUtc = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var renewed = await db.RunningInstances.Where(i => i.Id == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastSeenAtUtc, instance.LastSeenAtUtc), cancellationToken);
        if (renewed > 0) return;
        db.RunningInstances.Add(instance);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One removal however often the host is stopped: a test host stops it twice at once and disposes the services after the
    /// first stop ends (dotnet/aspnetcore#40271), so both wait for the same removal rather than one finding the database gone.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock) return _stopped ??= RemoveAsync(cancellationToken);
    }

    private async Task RemoveAsync(CancellationToken cancellationToken)
    {
        if (_instance is null || _beating is null) return;
        await _stopping.CancelAsync();
        await _beating;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.RunningInstances.Where(i => i.Id == _instance.Id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not remove this instance from the running instances; its row stops counting {Expiry} after it was last seen.",
                RunningInstances.Expiry);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
