using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// PostgreSQL only: what a second instance adds to writes. Small audited writes (a biometric-editing consent over the API: one row,
/// its audit event and the call's rate count) and verification submissions in batches of 1,000, on this instance alone and then on
/// it and a second instance in a process of its own (<see cref="SecondInstance"/>), with as many clients in all; then the small writes
/// on both while another session holds the audit chain's lock, as an instance frozen in the middle of chaining would, with the
/// slowest answer. Beside them, the yardstick of the same run: single-row inserts, each committed, on as many connections.
/// </summary>
public sealed class InstancesBenchmark(WebApplication app, int consents, int consentClients, int submissions, int submissionClients)
{
    private const string ConsentPath = "api/v1/consents";
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(3);

    public async Task RunAsync(TextWriter output)
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            output.WriteLine("Several instances share a PostgreSQL database: run the instances benchmark on PostgreSQL.");
            return;
        }
        output.WriteLine(BenchmarkHost.LoadAverage("before"));
        // Counted as always, but never refused: the benchmark measures writing, not the allowance.
        const int Unlimited = 2_000_000_000;
        app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.SubmitRequestsPerMinute = Unlimited;
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var scope = app.Services.CreateAsyncScope();
        await BenchmarkHost.SignInAsync(scope.ServiceProvider);
        var key = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync($"benchmark instances {DateTime.UtcNow:yyyyMMddHHmmss}",
            [RegistryPermissions.RecordConsent, VerificationPermissions.Submit])).Value!;
        var first = await BenchmarkHost.ServeAsync(app);
        first.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        await using var second = await SecondInstance.StartAsync(app, [$"--{ApiOptions.Section}:{nameof(ApiOptions.SubmitRequestsPerMinute)}={Unlimited}"]);
        second.Client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        HttpClient[] one = [first], both = [first, second.Client];

        var raw = await RawCommitsPerSecondAsync(database.ConnectionString, consentClients);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Yardstick: single-row inserts, each committed, {consentClients} connections at once: {raw:N0} commits/s."));
        output.WriteLine();

        var writes = new WriteBenchmark(contexts, submissions);
        output.WriteLine("| writes | one instance | two instances |");
        output.WriteLine("|---|---:|---:|");
        var submittedAlone = await writes.ApiItemsPerSecondAsync(one, submissionClients);
        var submittedBoth = await writes.ApiItemsPerSecondAsync(both, Math.Max(1, submissionClients / 2));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| verification submissions over HTTP, items/s ({submissions:N0} new users' in batches of {WriteBenchmark.Batch:N0}, {submissionClients} clients in all) | {submittedAlone:N0} | {submittedBoth:N0} |"));

        var users = await PlatformUsersAsync(contexts);
        // A long-running server's rate, not its first minute's: the runtime compiles the request path again, optimised by what it
        // saw, during the first tens of thousands of requests, and that compiling shares the two cores with the requests.
        await ConsentsAsync(both, Math.Max(1, consentClients / 2), users, stall: null);
        var alone = await ConsentsAsync(one, consentClients, users, stall: null);
        var together = await ConsentsAsync(both, Math.Max(1, consentClients / 2), users, stall: null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| small audited writes: consents over HTTP, writes/s ({consents:N0} after as many to warm up, {consentClients} clients in all) | {alone.PerSecond:N0} (p99 {alone.P99:F0} ms) | {together.PerSecond:N0} (p99 {together.P99:F0} ms) |"));
        output.WriteLine();

        var stalled = await ConsentsAsync(both, Math.Max(1, consentClients / 2), users, stall: database.ConnectionString);
        var chainedAfter = await NothingWaitingAsync(contexts);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"With the audit chain's lock held by another session for the first {Stall.TotalSeconds:F0} s (an instance frozen while chaining): {stalled.PerSecond:N0} writes/s on two instances, p99 {stalled.P99:F0} ms, slowest {stalled.Slowest:F0} ms; every event chained after: {chainedAfter}."));
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
        await app.StopAsync();
    }

    private sealed record Round(double PerSecond, double P99, double Slowest);

    /// <summary>Consents for known users, each of its own id, posted by <paramref name="concurrent"/> clients per instance; each answer timed.</summary>
    private async Task<Round> ConsentsAsync(IReadOnlyList<HttpClient> instances, int concurrent, IReadOnlyList<string> users, string? stall)
    {
        var run = DateTime.UtcNow.Ticks;
        var bodies = Enumerable.Range(0, consents).Select(i => JsonSerializer.SerializeToUtf8Bytes(new ConsentDto($"bench-{run}-{i}", users[i % users.Count],
            $"person-{i}", "张三", "Face", "换脸特效", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), "InAppConfirmation"), JsonSerializerOptions.Web)).ToList();
        var timings = new double[bodies.Count];
        await using var holder = stall is null ? null : await HoldChainAsync(stall);
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrent * instances.Count).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var timer = Stopwatch.StartNew();
                await BenchmarkHost.PostAsync(instances[worker % instances.Count], ConsentPath, bodies[i], Created);
                timings[i] = timer.Elapsed.TotalMilliseconds;
                if (holder is not null && stopwatch.Elapsed > Stall) await holder.ReleaseAsync();
            }
        }));
        var elapsed = stopwatch.Elapsed;
        Array.Sort(timings);
        return new Round(bodies.Count / elapsed.TotalSeconds, timings[(int)Math.Ceiling(timings.Length * 0.99) - 1], timings[^1]);
    }

    private static long Created(JsonElement answer) =>
        answer.GetProperty("outcome").GetString() == nameof(ConsentRecordOutcome.Created) ? 1 : throw new InvalidOperationException($"A benchmark consent was not created: {answer}");

    /// <summary>A session holding the chain's lock in an open transaction until released, as a frozen instance would.</summary>
    private static async Task<ChainHolder> HoldChainAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AuditChain.ChainLockKey})", connection, transaction)) await take.ExecuteNonQueryAsync();
        return new ChainHolder(connection, transaction);
    }

    private sealed class ChainHolder(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int _released;

        public async Task ReleaseAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) await transaction.RollbackAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Platform users the submissions created, for the consents to name.</summary>
    private static async Task<IReadOnlyList<string>> PlatformUsersAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Set<PlatformUsers.PlatformUser>().OrderByDescending(u => u.Id).Select(u => u.ExternalId).Take(1_000).ToListAsync();
    }

    private static async Task<string> NothingWaitingAsync(IDbContextFactory<AppDbContext> contexts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (!await db.PendingAuditEvents.AnyAsync()) return "yes";
            await Task.Delay(100);
        }
        return "no (events still waiting after 30 s)";
    }

    /// <summary>Rows of about an audit event's width, each insert its own transaction, into a table made for the run and dropped after.</summary>
    private async Task<double> RawCommitsPerSecondAsync(string connectionString, int connections)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var create = source.CreateCommand("""CREATE TABLE IF NOT EXISTS benchmark_commits (id bigserial PRIMARY KEY, at timestamptz NOT NULL, payload text NOT NULL)"""))
            await create.ExecuteNonQueryAsync();
        var payload = new string('x', 300);
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await source.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO benchmark_commits (at, payload) VALUES (now(), $1)", connection) { Parameters = { new() { Value = payload } } };
            while (Interlocked.Increment(ref next) < consents) await insert.ExecuteNonQueryAsync();
        }));
        var elapsed = stopwatch.Elapsed;
        await using (var drop = source.CreateCommand("DROP TABLE benchmark_commits")) await drop.ExecuteNonQueryAsync();
        return consents / elapsed.TotalSeconds;
    }
}
