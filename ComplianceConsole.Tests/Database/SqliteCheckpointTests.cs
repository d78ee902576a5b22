using System.Globalization;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task What_is_written_reaches_the_database_file_within_seconds_though_no_commit_copies_the_log_back()
    {
        Assert.SkipWhen(TestDatabase.IsPostgreSql, "SQLite's write-ahead log.");
        using var app = new TestApp();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var audit = app.Services.GetRequiredService<AuditTrail>();
        // Far fewer pages than the connections' own threshold: without the background checkpoint they stay in the log.
        for (var i = 0; i < 20; i++)
        {
            await audit.RecordAsync(contexts, new AuditActor(null, "checkpoint-test"), "test.checkpoint", "Test", i.ToString(CultureInfo.InvariantCulture));
        }

        var databaseFile = new SqliteConnectionStringBuilder(app.Services.GetRequiredService<DatabaseSettings>().ConnectionString).DataSource;
        var deadline = DateTime.UtcNow + SqliteCheckpointer.Interval * 10;
        var inFile = -1L;
        while (inFile != 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(SqliteCheckpointer.Interval / 2);
            inFile = await CountInFileAloneAsync(databaseFile);
        }
        Assert.Equal(20, inFile);
    }

    /// <summary>The events the database file holds by itself: a copy of it without its log reads as of the last checkpoint.</summary>
    private static async Task<long> CountInFileAloneAsync(string databaseFile)
    {
        var copy = Path.Combine(Path.GetDirectoryName(databaseFile)!, $"copy-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(databaseFile, copy);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'test.checkpoint'";
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return -1; // copied while a checkpoint was writing it
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
        }
    }
}
