using System.CommandLine;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Benchmarks;
using ComplianceConsole.Features.DatabaseCopy;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Setup;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole;

/// <summary>
/// Commands the app runs instead of serving (<c>--help</c> on each says what it takes): <c>seed</c> fills the database with
/// synthetic users or content through the app's own services, <c>seed-review</c> writes content items, flags and review cases
/// directly, <c>benchmark</c> measures the grid, queue, dashboard, export or ingestion, <c>rotate-pii-key</c> re-encrypts
/// personal data with a new key and <c>rotate-audit-key</c> puts new audit keys in place (both refused while an instance serves on the
/// database), <c>audit verify</c> checks the audit history offline, <c>copy-to-postgres</c> copies the SQLite database to a new PostgreSQL one. An unknown
/// option or a mistyped value is refused with exit code 1; a command says which database and data folder it writes to first.
/// A new command is one more entry in <see cref="Commands"/>.
/// </summary>
public static class AppCommands
{
    /// <summary>Runs the command named by the first argument and returns its exit code; null when there is none (the app serves).</summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        var root = new RootCommand("ComplianceConsole: with no command it serves; these commands run instead.");
        foreach (var command in Commands(app, args)) root.Subcommands.Add(command);
        return await root.Parse(WithoutHostSettings(args)).InvokeAsync(new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error });
    }

    private static IEnumerable<Command> Commands(WebApplication app, string[] args)
    {
        var seed = Int("--seed", 20260110, "Seed of the random generator (the same seed writes the same data)");
        var users = Int("--users", 10_000, "Platform users to write, with their verification records");
        var content = new Option<int?>("--content") { Description = "Content items to write instead of users, with their flags and review cases" };
        yield return Writing(app, new Command("seed", "Fills the database with synthetic platform users (or content items) through the app's services") { users, content, seed },
            async (result, output) =>
            {
                if (result.GetValue(content) is { } items)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(items, result.GetValue(seed));
                    await output.WriteLineAsync($"Seeded {items:N0} content items with their flags and review cases.");
                    return 0;
                }
                await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(result.GetValue(users), result.GetValue(seed));
                await output.WriteLineAsync($"Seeded {result.GetValue(users):N0} platform users with their verification records.");
                return 0;
            });

        var reviewItems = Int("--items", 10_000, "Content items to write");
        yield return Writing(app, new Command("seed-review", "Writes content items, flags and review cases directly (fast enough for a million)") { reviewItems, seed },
            async (result, output) =>
            {
                var cases = await app.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(result.GetValue(reviewItems), result.GetValue(seed));
                await output.WriteLineAsync($"Seeded {result.GetValue(reviewItems):N0} content items, {cases:N0} of them with a review case and its flags.");
                return 0;
            });

        yield return Benchmark(app);

        yield return Writing(app, new Command("rotate-pii-key", "Adds a new personal-data key and re-encrypts every record with it; refused while an instance serves"),
            async (result, output) =>
            {
                if (await RefusedWhileServingAsync(app, result, "rotate-pii-key", "个人信息密钥", "personal-data keys")) return 1;
                var rewritten = await app.Services.GetRequiredService<PiiKeyRotation>().RotateAsync();
                await output.WriteLineAsync($"A new PII encryption key is in use; {rewritten:N0} records were re-encrypted with it. Back up the key file now.");
                return 0;
            });

        yield return AuditVerify(app);

        yield return Writing(app, new Command("rotate-audit-key", "Puts a new audit HMAC key and signing key in place as a recorded, signed step; refused while an instance serves"),
            async (result, output) =>
            {
                if (await RefusedWhileServingAsync(app, result, "rotate-audit-key", "审计密钥", "audit keys")) return 1;
                await using var scope = app.Services.CreateAsyncScope();
                var rotated = await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditKeyRotation>().RotateAsync();
                await output.WriteLineAsync($"Audit keys rotated at event {rotated.Sequence:N0}: HMAC key {rotated.HmacKeyId}, signing key {rotated.SigningKeyFingerprint}.");
                await output.WriteLineAsync($"Give the new public key (Settings, or the audit signing key file) to your witnesses, and back up the key files now. " +
                    $"The outgoing private key is kept at {rotated.RetiredSigningKeyPath}: verification needs only the public keys the history records, so keep it offline or destroy it.");
                return 0;
            });

        var target = new Option<string>("--target") { Description = "The PostgreSQL connection string of the new, empty database", Required = true };
        yield return Writing(app, new Command("copy-to-postgres", "Copies the SQLite database into a new PostgreSQL database and verifies the audit chain there") { target },
            async (_, output) => await CopyToPostgreSqlCommand.RunAsync(app, args, output) ? 0 : 1);
    }

    private static Command Benchmark(WebApplication app)
    {
        var queue = new Option<bool>("--queue") { Description = "The review queue's views" };
        var dashboard = new Option<bool>("--dashboard") { Description = "The Manager's dashboard" };
        var export = new Option<bool>("--export") { Description = "The ledger export against ClosedXML" };
        var contentItems = new Option<int?>("--content-items") { Description = "Content ingestion of this many items" };
        var items = Int("--items", 1_000_000, "Content items (queue, dashboard; already stored before content ingestion is measured)");
        var iterations = Int("--iterations", 20, "Repetitions of each query (default 200 for the grid benchmark)");
        var rows = Int("--rows", 1_000_000, "Rows to export");
        var closedXmlRows = Int("--closedxml-rows", 100_000, "Rows to export with ClosedXML");
        var contentClients = Int("--content-clients", 2, "Concurrent ingestion clients");
        var records = Int("--records", 1_000_000, "Verification records (grid benchmark)");
        var gridIterations = Int("--grid-iterations", 10, "Grid page repetitions");
        var importRows = Int("--import-rows", 100_000, "Rows to import");
        var apiItems = Int("--api-items", 20_000, "Items submitted through the API");
        var apiClients = Int("--api-clients", 2, "Concurrent API clients");
        var instances = new Option<bool>("--instances") { Description = "PostgreSQL: audited writes and submissions on one instance and on two" };
        var consents = Int("--consents", 20_000, "Small audited writes (consents) a round (instances benchmark)");
        var consentClients = Int("--consent-clients", 16, "Concurrent clients for the small writes, in all (instances benchmark)");
        var hashBanks = new Option<bool>("--hash-banks") { Description = "A hash bank's load and lookups against a scan" };
        var bankHashes = Int("--bank-hashes", 1_000_000, "Hashes in the benchmark bank (hash banks; ingestion --with-hashes matches against them)");
        var lookups = Int("--lookups", 10_000, "Bank lookups to time");
        var withHashes = new Option<bool>("--with-hashes") { Description = "Content ingestion: each item carries a PDQ hash matched against the enabled banks" };
        var command = new Command("benchmark", "Measures the grid, search and eligibility queries, or with a switch the queue, dashboard, export, ingestion or several instances")
        {
            queue, dashboard, export, contentItems, items, iterations, rows, closedXmlRows, contentClients, records, gridIterations, importRows, apiItems, apiClients,
            instances, consents, consentClients, hashBanks, bankHashes, lookups, withHashes,
        };
        return Writing(app, command, async (r, output) =>
        {
            if (r.GetValue(dashboard)) await new DashboardBenchmark(app, r.GetValue(items), r.GetValue(iterations)).RunAsync(output);
            else if (r.GetValue(export)) await new ExportBenchmark(app, r.GetValue(rows), r.GetValue(closedXmlRows)).RunAsync(output);
            else if (r.GetValue(instances)) await new InstancesBenchmark(app, r.GetValue(consents), r.GetValue(consentClients), r.GetValue(apiItems), r.GetValue(apiClients)).RunAsync(output);
            else if (r.GetValue(hashBanks)) await new HashBankBenchmark(app, r.GetValue(bankHashes), r.GetValue(lookups)).RunAsync(output);
            else if (r.GetValue(queue)) await new QueueBenchmark(app, r.GetValue(items), r.GetValue(iterations)).RunAsync(output);
            else if (r.GetValue(contentItems) is { } ingested) await new ContentIngestionBenchmark(app, ingested, r.GetValue(contentClients), r.GetValue(items), r.GetValue(withHashes)).RunAsync(output);
            else await new VerificationBenchmark(app, r.GetValue(records), r.GetResult(iterations) is { Implicit: false } ? r.GetValue(iterations) : 200,
                r.GetValue(gridIterations), r.GetValue(importRows), r.GetValue(apiItems), r.GetValue(apiClients)).RunAsync(output);
            return 0;
        });
    }

    /// <summary>A key rotation with instances serving on the database would leave them writing under the old keys: it says so and refuses.</summary>
    private static async Task<bool> RefusedWhileServingAsync(WebApplication app, ParseResult result, string command, string keysZh, string keysEn)
    {
        if (await app.Services.GetRequiredService<RunningInstances>().SeenRecentlyAsync() is not { Count: > 0 } running) return false;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await result.InvocationConfiguration.Error.WriteLineAsync(Security.KeyRotationRefusal.InstancesRunning(command, keysZh, keysEn, running, now));
        return true;
    }

    private static Command AuditVerify(WebApplication app)
    {
        var witness = new Option<FileInfo?>("--witness") { Description = "A witness's copy of the signed checkpoints to compare the history with" };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "The audit signing public key (PEM) to check the checkpoints with instead of the console's own" };
        var verify = new Command("verify", "Checks the audit history in the configured database; prints each break and exits 1 on any") { witness, publicKey };
        verify.SetAction(async (result, cancellationToken) =>
        {
            await app.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditVerifyCommand>()
                .RunAsync(result.GetValue(witness)?.FullName, result.GetValue(publicKey)?.FullName, result.InvocationConfiguration.Output, cancellationToken);
        });
        return new Command("audit", "The audit history") { verify };
    }

    /// <summary>A command that writes to the database: it says where first, then does what start-up does before serving.</summary>
    private static Command Writing(WebApplication app, Command command, Func<ParseResult, TextWriter, Task<int>> run)
    {
        command.SetAction(async (result, _) =>
        {
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Database: {Describe(app.Services.GetRequiredService<DatabaseSettings>())}");
            await output.WriteLineAsync($"Data folder: {app.Services.GetRequiredService<DataFolder>().Path}");
            await PrepareDatabaseAsync(app);
            return await run(result, output);
        });
        return command;
    }

    private static string Describe(DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.Sqlite) return $"SQLite {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource}";
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"PostgreSQL {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }

    private static Option<int> Int(string name, int fallback, string description) =>
        new(name) { Description = $"{description} (default {fallback:N0})", DefaultValueFactory = _ => fallback };

    /// <summary>ASP.NET's own settings on the command line (<c>--urls=…</c>, <c>--ComplianceConsole:DataFolder=…</c>) are the host's, not the command's.</summary>
    private static string[] WithoutHostSettings(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var isSetting = args[i].StartsWith("--", StringComparison.Ordinal) && (args[i].Contains(':') || args[i].Contains('=') || args[i] is "--urls" or "--environment" or "--contentRoot");
            if (!isSetting) kept.Add(args[i]);
            else if (!args[i].Contains('=')) i++; // its value is the next argument
        }
        return [.. kept];
    }

    /// <summary>What start-up does before serving: migrations, the personal-data and audit key checks, then roles (and the first-run setup token, if nobody exists yet).</summary>
    private static async Task PrepareDatabaseAsync(WebApplication app)
    {
        foreach (var task in app.Services.GetServices<IHostedService>().Where(s => s is DatabaseMigrator or PiiKeyCheck or Features.Audit.AuditKeyStartupCheck or StartupTasks))
        {
            await task.StartAsync(CancellationToken.None);
        }
    }
}
