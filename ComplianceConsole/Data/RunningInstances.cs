using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// The instances serving on this database now: those whose heartbeat (<see cref="InstanceHeartbeat"/>, every <see cref="Interval"/>)
/// was seen within <see cref="Expiry"/>. A graceful stop removes an instance's row; one killed outright (kill -9, a crash, a power
/// cut) leaves it, and it stops counting <see cref="Expiry"/> after it was last seen.
/// </summary>
public sealed class RunningInstances(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Four missed heartbeats: a busy instance or a slow database does not drop out, a dead one is not waited for long.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<RunningInstance>> SeenRecentlyAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - Expiry;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RunningInstances.AsNoTracking().Where(i => i.LastSeenAtUtc > since)
            .OrderBy(i => i.MachineName).ThenBy(i => i.ProcessId).ToListAsync(cancellationToken);
    }
}
