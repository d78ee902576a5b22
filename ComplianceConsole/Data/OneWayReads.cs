using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// A context that reads a large result once, front to back (an export's million rows). On SQLite its connection's page
/// cache and memory map are kept small for the read: every page is read once, and the usual 64 MB cache and 256 MB map
/// would otherwise grow the process by up to the size of what was read. The next open of the pooled connection restores
/// the usual settings (<see cref="SqlitePragmaInterceptor"/>).
/// </summary>
public static class OneWayReads
{
    private const string SqliteSettings = "PRAGMA mmap_size = 0; PRAGMA cache_size = -1024;";

    public static async Task<AppDbContext> CreateAsync(IDbContextFactory<AppDbContext> contextFactory, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite()) return db;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SqliteSettings, cancellationToken);
        return db;
    }
}
