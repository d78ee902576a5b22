using Microsoft.Data.Sqlite;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Which database the app runs on and how to reach it: <c>ComplianceConsole:Database:Provider</c> (Sqlite, the default, or
/// PostgreSql) and <c>ConnectionStrings:Default</c> (optional for SQLite, whose file then lives in the data folder).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "ComplianceConsole:Database:Provider";

    /// <summary>SQLite's database file in the data folder, when no connection string names another.</summary>
    public const string SqliteFileName = "compliance-console.db";

    public static DatabaseSettings From(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration.GetConnectionString("Default");
        var providerName = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(providerName) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"{ProviderKey} is '{providerName}'; it must be Sqlite or PostgreSql.");
        return provider switch
        {
            DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(configured) =>
                throw new InvalidOperationException($"{ProviderKey} is PostgreSql, so ConnectionStrings:Default must name the server and database."),
            DatabaseProvider.PostgreSql => new(provider, PostgreSqlConnectionString(configured!)),
            _ => new(provider, SqliteConnectionString(configured, dataFolder)),
        };
    }

    // Statements the app repeats (a batch's inserts, the grid's pages) are prepared on each pooled connection once they have
    // run twice, unless the connection string says otherwise: a batch of 1,000 inserts was parsed and planned 1,000 times.
    private static string PostgreSqlConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !configured.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ToString();
    }

    private static string SqliteConnectionString(string? configured, DataFolder dataFolder) =>
        new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={dataFolder.File(SqliteFileName)}"
            : configured)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
}
