using ComplianceConsole.Data;
using ComplianceConsole.Features.Benchmarks;
using ComplianceConsole.Features.DatabaseCopy;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Setup;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole;

/// <summary>
/// Commands the app runs instead of serving: <c>seed --users N</c> and <c>seed --content N</c> fill the database with synthetic data
/// through the app's own services (<c>seed-review --items N</c> writes content items, flags and review cases directly, fast enough
/// for a million), <c>benchmark</c> measures the grid, search and eligibility queries (<c>benchmark --queue</c> the review queue's
/// views, <c>benchmark --dashboard</c> the Manager's dashboard, <c>benchmark --export</c> the ledger export against ClosedXML, <c>benchmark --content-items N</c> content ingestion), <c>rotate-pii-key</c> re-encrypts personal data
/// with a new key, <c>audit verify</c> checks the audit history (<see cref="Features.Audit.AuditVerifyCommand"/>). All use the configured database; <c>copy-to-postgres --target "…"</c> copies it to a new PostgreSQL database.
/// </summary>
public static class AppCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        switch (args[0])
        {
            case "seed" when args.Contains("--content"):
                await PrepareDatabaseAsync(app);
                var contentItems = IntOption(args, "--content", 100_000);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(contentItems, IntOption(args, "--seed", 20260110));
                }
                Console.WriteLine($"Seeded {contentItems:N0} content items with their flags and review cases.");
                return true;
            case "seed":
                await PrepareDatabaseAsync(app);
                var users = IntOption(args, "--users", 10_000);
                await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(users, IntOption(args, "--seed", 20260110));
                Console.WriteLine($"Seeded {users:N0} platform users with their verification records.");
                return true;
            case "seed-review":
                await PrepareDatabaseAsync(app);
                var items = IntOption(args, "--items", 10_000);
                var cases = await app.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(items, IntOption(args, "--seed", 20260110));
                Console.WriteLine($"Seeded {items:N0} content items, {cases:N0} of them with a review case and its flags.");
                return true;
            case "benchmark" when args.Contains("--dashboard"):
                await PrepareDatabaseAsync(app);
                await new DashboardBenchmark(app, IntOption(args, "--items", 1_000_000), IntOption(args, "--iterations", 20)).RunAsync(Console.Out);
                return true;
            case "benchmark" when args.Contains("--export"):
                await PrepareDatabaseAsync(app);
                await new ExportBenchmark(app, IntOption(args, "--rows", 1_000_000), IntOption(args, "--closedxml-rows", 100_000)).RunAsync(Console.Out);
                return true;
            case "benchmark" when args.Contains("--queue"):
                await PrepareDatabaseAsync(app);
                await new QueueBenchmark(app, IntOption(args, "--items", 1_000_000), IntOption(args, "--iterations", 20)).RunAsync(Console.Out);
                return true;
            case "copy-to-postgres":
                await PrepareDatabaseAsync(app);
                if (!await CopyToPostgreSqlCommand.RunAsync(app, args, Console.Out)) Environment.ExitCode = 1;
                return true;
            case "rotate-pii-key":
                await PrepareDatabaseAsync(app);
                var rewritten = await app.Services.GetRequiredService<PiiKeyRotation>().RotateAsync();
                Console.WriteLine($"A new PII encryption key is in use; {rewritten:N0} records were re-encrypted with it. Back up the key file now.");
                return true;
            case "audit" when args.ElementAtOrDefault(1) == "verify":
                await app.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(CancellationToken.None);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    Environment.ExitCode = await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditVerifyCommand>().RunAsync(args, Console.Out);
                }
                return true;
            case "benchmark" when args.Contains("--content-items"):
                await PrepareDatabaseAsync(app);
                await new ContentIngestionBenchmark(app, IntOption(args, "--content-items", 50_000), IntOption(args, "--content-clients", 2)).RunAsync(Console.Out);
                return true;
            case "benchmark":
                await PrepareDatabaseAsync(app);
                await new VerificationBenchmark(app, IntOption(args, "--records", 1_000_000), IntOption(args, "--iterations", 200),
                    IntOption(args, "--grid-iterations", 10), IntOption(args, "--import-rows", 100_000), IntOption(args, "--api-items", 20_000),
                    IntOption(args, "--api-clients", 2)).RunAsync(Console.Out);
                return true;
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'. Commands: seed --users N [--seed S], seed --content N [--seed S], seed-review --items N [--seed S], benchmark [--records N] [--iterations N] [--grid-iterations N] [--import-rows N] [--api-items N] [--api-clients C], benchmark --queue [--items N] [--iterations N], benchmark --dashboard [--items N] [--iterations N], benchmark --export [--rows N] [--closedxml-rows N], benchmark --content-items N [--content-clients C], rotate-pii-key, audit verify [--witness <file>] [--public-key <pem>], copy-to-postgres --target \"<PostgreSQL connection string>\".");
        }
    }

    /// <summary>What start-up does before serving: migrations, then roles (and the first-run setup token, if nobody exists yet).</summary>
    private static async Task PrepareDatabaseAsync(WebApplication app)
    {
        foreach (var task in app.Services.GetServices<IHostedService>().Where(s => s is DatabaseMigrator or Features.Audit.AuditKeyStartupCheck or StartupTasks))
        {
            await task.StartAsync(CancellationToken.None);
        }
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1].Replace("_", "").Replace(",", ""), out var value) ? value : fallback;
    }
}
