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
        builder.Options = WithServerDefaults(builder.Options);
        builder.TcpKeepAlive = true;
        return builder.ToString();
    }

    /// <summary>
    /// No session waits long on another that stalled (an instance frozen or cut off while it holds a lock): a lock is waited for
    /// at most <c>lock_timeout</c> (the write fails as a database hiccup: the API answers 503 with Retry-After), a transaction left
    /// idle is ended by the server after <c>idle_in_transaction_session_timeout</c>, releasing its locks, and the server notices a
    /// vanished client within a minute by TCP keepalives instead of two hours. Settings the connection string's Options gives win.
    /// </summary>
    internal static readonly IReadOnlyList<(string Name, string Value)> ServerDefaults =
    [
        ("lock_timeout", "5s"), ("idle_in_transaction_session_timeout", "15s"),
        ("tcp_keepalives_idle", "30"), ("tcp_keepalives_interval", "10"), ("tcp_keepalives_count", "3"),
    ];

    private static string WithServerDefaults(string? options)
    {
        var given = options ?? "";
        var added = ServerDefaults.Where(d => !given.Contains(d.Name, StringComparison.OrdinalIgnoreCase)).Select(d => $"-c {d.Name}={d.Value}");
        return string.Join(' ', new[] { given }.Concat(added).Where(o => o.Length > 0));
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
