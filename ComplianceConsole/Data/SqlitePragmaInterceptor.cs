using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplianceConsole.Data;

/// <summary>
/// Per-connection SQLite settings: foreign keys enforced, a writer that finds the database busy
/// waits up to five seconds instead of failing at once, and reads through a memory map (256 MB) rather than
/// a system call per page: a grid count that checks a few thousand rows by id took 50 ms without it.
/// A writer's batch dirties a page per row in each random-order index; a 64 MB page cache holds them (the default 2 MB
/// spilled them to the log mid-transaction), and the connection the writers share keeps four times that
/// (<see cref="SqliteWriterConnection"/>). The log is copied back by <see cref="SqliteCheckpointer"/> once a second, a page
/// that several batches changed once, not once a batch; a commit does it itself only if the log reaches 256 MB.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456; " +
        "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 65536; PRAGMA journal_size_limit = 67108864;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
