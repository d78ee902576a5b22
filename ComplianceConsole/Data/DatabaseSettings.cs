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

    /// <summary>
    /// Connections one instance may hold on PostgreSQL, unless the connection string sets <c>Maximum Pool Size</c>: Npgsql's
    /// own 100 would let one busy instance take every connection of a server at its default <c>max_connections</c> (100).
    /// </summary>
    public const string MaxPoolSizeKey = "ComplianceConsole:Database:MaxPoolSize";

    /// <summary>Three instances, each with its listening connection, and room for commands and administration under PostgreSQL's default 100.</summary>
    public const int DefaultMaxPoolSize = 25;

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
            DatabaseProvider.PostgreSql => new(provider,
                PostgreSqlConnectionString(configured!, configuration.GetValue<int?>(MaxPoolSizeKey) ?? DefaultMaxPoolSize)),
            _ => new(provider, SqliteConnectionString(configured, dataFolder)),
        };
    }

    // Statements the app repeats (a batch's inserts, the grid's pages) are prepared on each pooled connection once they have
    // run twice, unless the connection string says otherwise: a batch of 1,000 inserts was parsed and planned 1,000 times.
    private static string PostgreSqlConnectionString(string configured, int maxPoolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!Sets(configured, "maxautoprepare", "autoprepareminusages"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Sets(configured, "maxpoolsize", "maximumpoolsize")) builder.MaxPoolSize = maxPoolSize;
        return builder.ToString();
    }

    /// <summary>Whether the connection string names one of these settings, however capitalised, under any of its names (<c>Maximum Pool Size</c>, <c>MaxPoolSize</c>).</summary>
    private static bool Sets(string connectionString, params string[] settings) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => settings.Contains(key.Replace(" ", "").ToLowerInvariant()));

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
