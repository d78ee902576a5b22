using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database once a second, on a connection of its own, so that no request
/// waits for it. Left to the connections (<c>wal_autocheckpoint</c>), the commit that crossed the threshold copied
/// every page of the log and synced the file (0.3-0.5 s at a million records, a fifth of the API's write time);
/// a passive checkpoint here lets writers go on meanwhile. The connections keep a far higher threshold
/// (<see cref="SqlitePragmaInterceptor"/>) in case this one falls behind.
/// </summary>
internal sealed class SqliteCheckpointer(IDbContextFactory<AppDbContext> contexts, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One passive checkpoint: as much of the log as no reader still needs.</summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next tick tries again; meanwhile the connections' own threshold bounds the log.
            logger.LogWarning(e, "The write-ahead log could not be checkpointed.");
        }
    }
}
