using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests on PostgreSQL share, each app on a database of its own. The server named by the
/// environment variable <see cref="ConnectionStringVariable"/> (a role that may create databases), or else a throwaway
/// cluster: created in a temporary folder, listening on a free loopback port, run as the <c>postgres</c> account when
/// the tests run as root (PostgreSQL refuses root), and removed when the tests end.
/// </summary>
public sealed class PostgreSqlTestServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "COMPLIANCECONSOLE_TEST_POSTGRES";

    private static readonly Lazy<PostgreSqlTestServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string? _clusterFolder;
    private readonly string? _binFolder;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _runDatabases = [];

    private PostgreSqlTestServer(string adminConnectionString, string? clusterFolder, string? binFolder) =>
        (AdminConnectionString, _clusterFolder, _binFolder) = (adminConnectionString, clusterFolder, binFolder);

    public static PostgreSqlTestServer Current => Shared.Value;

    /// <summary>Whether the tests started a server, so there is one to stop.</summary>
    public static bool IsStarted => Shared.IsValueCreated;

    public string AdminConnectionString { get; }

    /// <summary>
    /// The connection string of the test database with this name, creating it if it does not exist (an app restarted keeps
    /// its data): empty, or as a copy of the template database named.
    /// </summary>
    public string Database(string name, string? template = null)
    {
        using var admin = new NpgsqlConnection(AdminConnectionString);
        admin.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), admin);
            try
            {
                create.ExecuteNonQuery();
            }
            // Two instances of a test starting together on one database: the other created it a moment ago.
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
            }
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    /// <summary>A new empty database, dropped when the test run ends (a configured server keeps nothing of it): its name and connection string.</summary>
    public (string Name, string ConnectionString) RunDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        _runDatabases.Add(name);
        return (name, Database(name));
    }

    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString()));
        using var admin = new NpgsqlConnection(AdminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    private static PostgreSqlTestServer Start()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new PostgreSqlTestServer(configured, null, null);

        var bin = BinFolder() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need PostgreSQL's server programs (Debian: apt-get install postgresql) or {ConnectionStringVariable} naming a server.");
        var folder = Directory.CreateTempSubdirectory("cc-pg-").FullName;
        var data = Path.Combine(folder, "data");
        if (Environment.UserName == "root") Run("chown", "postgres", folder);
        Run(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = FreePort();
        // A throwaway cluster: durability is worth nothing here, and every test app keeps its own connection pools.
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000 -c shared_buffers=128MB";
        Run(Path.Combine(bin, "pg_ctl"), "-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "start");
        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", MaxPoolSize = 20 };
        return new PostgreSqlTestServer(connection.ToString(), folder, bin);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var name in _runDatabases) DropDatabase(name);
        if (_clusterFolder is null || _binFolder is null) return ValueTask.CompletedTask;
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_binFolder, "pg_ctl"), "-D", Path.Combine(_clusterFolder, "data"), "-m", "immediate", "-w", "stop");
        try { Directory.Delete(_clusterFolder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    /// <summary>The newest installed PostgreSQL's server programs (Debian keeps them out of PATH).</summary>
    private static string? BinFolder() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var version) ? version : 0).FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program, as the postgres account when we are root (initdb and the server refuse to run as root).</summary>
    private static void Run(string program, params string[] arguments)
    {
        var asPostgres = Environment.UserName == "root" && program != "chown";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres) foreach (var argument in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
    }
}
