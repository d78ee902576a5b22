using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// The one SQLite connection that the writers take turns on (<see cref="DatabaseWriteGate"/> lets them in one by one),
/// lent to each writer's context for its transaction. SQLite keeps a page cache per connection and drops it whenever another
/// connection has written: with writers spread over the pool, every batch began with a cold cache and read the random-order
/// indexes back page by page (the duplicate-identity lookup of a 1,000-item batch took 11 ms at a million records; on a warm
/// cache 2 ms). Its cache is larger than a reader's, to hold those indexes.
/// <para>
/// Its temporary storage is in memory. A statement that writes a row whose table has a trigger keeps the pages it changes in a
/// statement journal, and a row of review cases changes more pages (fifteen indexes, the queue's counts) than SQLite keeps in
/// memory before spilling that journal to a temporary file: a file created and removed for every case inserted (at 700,000 cases,
/// 108 µs a case; 37 with the journal in memory, 25 without the trigger). The writers' statements change a bounded set
/// of rows each (retention removes 500 at a time), so the journal stays small; the readers keep the default, where a large sort
/// may spill to disk.
/// </para>
/// </summary>
internal sealed class SqliteWriterConnection : IDisposable
{
    private const string WriterPragmas = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";

    private SqliteConnection? _connection;

    /// <summary>
    /// Lends the connection to the context, opened, unless the context has its own open already (then it writes on that).
    /// Returns whether it was lent; <see cref="GiveBack"/> ends the loan. The caller holds the writers' queue throughout.
    /// </summary>
    public async Task<bool> LendAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Closed) return false;
        var connectionString = db.Database.GetConnectionString();
        if (_connection is not { State: ConnectionState.Open } || _connection.ConnectionString != connectionString)
        {
            _connection?.Dispose();
            _connection = await OpenAsync(connectionString!, cancellationToken);
        }
        db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
        return true;
    }

    /// <summary>The context goes back to connections of its own from the pool, so that nothing it does later touches this one.</summary>
    public static void GiveBack(AppDbContext db)
    {
        var connectionString = db.Database.GetConnectionString();
        db.Database.SetDbConnection(null);
        db.Database.SetConnectionString(connectionString);
    }

    public void Dispose() => _connection?.Dispose();

    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SqlitePragmaInterceptor.Pragmas + WriterPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
