using ComplianceConsole.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// An empty database with every migration applied, made once per test run. A test app starts on a copy of it, so the
/// migrations (SQLite's table rebuilds among them) run once instead of at each of the suite's hundreds of app starts, most
/// of an app's start-up time. The tests of migrating itself start on an empty database (<see cref="TestApp.StartOnEmptyDatabase"/>).
/// </summary>
public static class MigratedDatabaseTemplate
{
    private static readonly Lazy<string> SqliteFile = new(CreateSqliteFile, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgreSqlDatabase = new(CreatePostgreSqlDatabase, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a copy of the migrated SQLite database at this path.</summary>
    public static void CopySqliteTo(string path) => File.Copy(SqliteFile.Value, path);

    /// <summary>The migrated PostgreSQL database on the test server, to create others from (CREATE DATABASE … TEMPLATE).</summary>
    public static string PostgreSqlName => PostgreSqlDatabase.Value;

    private static string CreateSqliteFile()
    {
        var folder = Directory.CreateTempSubdirectory("cc-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var path = Path.Combine(folder, DatabaseSettings.SqliteFileName);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
        db.Database.Migrate();
        return path;
    }

    private static string CreatePostgreSqlDatabase()
    {
        // This run's own: a configured server may hold an older run's template, migrated by older code.
        var (name, runDatabase) = PostgreSqlTestServer.Current.RunDatabase("cc_template");
        var connectionString = new NpgsqlConnectionStringBuilder(runDatabase) { Pooling = false }.ToString();
        using var db = PostgreSqlDesignTimeDbContextFactory.For(connectionString);
        db.Database.Migrate();
        return name;
    }
}
