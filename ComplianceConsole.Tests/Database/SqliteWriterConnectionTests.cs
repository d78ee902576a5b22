using ComplianceConsole.Data;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

public sealed class SqliteWriterConnectionTests
{
    [Fact]
    public async Task Writers_take_turns_on_one_connection_with_a_large_cache_and_their_contexts_get_their_own_back_after()
    {
        Assert.SkipWhen(TestDatabase.IsPostgreSql, "SQLite's page cache.");
        using var app = new TestApp();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var writeGate = app.Services.GetRequiredService<DatabaseWriteGate>();

        var writers = new List<IntPtr>();
        for (var i = 0; i < 2; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.AuditEvents.CountAsync(); // a context that has read already still writes on the shared connection
            await using (var transaction = await writeGate.BeginAsync(db, null, CancellationToken.None))
            {
                writers.Add(Handle(db));
                Assert.Equal(-262144, await CacheSizeAsync(db));
                await transaction.CommitAsync(CancellationToken.None);
            }
            // Given back: what the context does now runs on a connection of its own, never on the one the next writer holds.
            Assert.Equal(-65536, await CacheSizeAsync(db));
            Assert.NotEqual(writers[^1], Handle(db));
        }
        Assert.Equal(writers[0], writers[1]);
    }

    private static IntPtr Handle(AppDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).Handle?.DangerousGetHandle() ?? IntPtr.Zero;

    /// <summary>The page cache of the connection the context is on: inside a transaction the one it holds, else one opened for the question.</summary>
    private static async Task<long> CacheSizeAsync(AppDbContext db)
    {
        var inTransaction = db.Database.CurrentTransaction is not null;
        if (!inTransaction) await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            if (!inTransaction) await db.Database.CloseConnectionAsync();
        }
    }
}
