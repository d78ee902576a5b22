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
