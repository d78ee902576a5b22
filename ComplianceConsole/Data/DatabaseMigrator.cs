using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Applies pending migrations when the app starts, and puts the SQLite database in WAL mode. Instances starting together
/// on one PostgreSQL database take turns (a session advisory lock): the first migrates, the others then find nothing
/// pending. Two migrating at once failed on the second's first step ("column already exists").
/// </summary>
internal sealed class DatabaseMigrator(IDbContextFactory<AppDbContext> contextFactory, ILogger<DatabaseMigrator> logger) : IHostedService
{
    // An app-wide constant, as the audit chain's (AuditChain): PostgreSQL names advisory locks by a number per database.
    private const long MigrationLockKey = 0x4343_4D69_6772_74; // "CCMigrt"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            await MigrateAsync(db, cancellationToken);
            return;
        }
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Another instance's migration may take longer than the lock wait every other statement is allowed (DatabaseSettings).
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET lock_timeout = 0", cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            await MigrateAsync(db, cancellationToken);
        }
        finally
        {
            // The connection goes back to the pool as it came: an operator may turn off the pool's reset (README, Deployment).
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await db.Database.ExecuteSqlRawAsync("RESET lock_timeout", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0) return;
        logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        // The content search index is kept by the writers from then on; what was stored before it existed is indexed now.
        if (pending.Any(m => m.EndsWith(ContentSearchMigration, StringComparison.Ordinal)) && await db.ContentItems.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Indexing the text of the stored content items for search.");
            await ContentSearchIndex.RebuildAsync(db, cancellationToken);
        }
    }

    /// <summary>The migration (in both sets) that creates <see cref="ContentSearchIndex.Table"/>.</summary>
    private const string ContentSearchMigration = "_ReviewFind";

    /// <summary>As migrating would, before the lock can be taken in it; another instance creating it at the same moment is fine.</summary>
    private static async Task CreateDatabaseIfMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }
}
