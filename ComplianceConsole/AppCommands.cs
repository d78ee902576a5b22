using ComplianceConsole.Data;
using ComplianceConsole.Features.Benchmarks;
using ComplianceConsole.Features.DemoData;

namespace ComplianceConsole;

/// <summary>
/// Commands the app runs instead of serving: <c>seed --users N</c> fills the database with synthetic data,
/// <c>benchmark</c> measures the grid, search and eligibility queries. Both use the configured database.
/// </summary>
public static class AppCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        switch (args[0])
        {
            case "seed":
                await MigrateAsync(app);
                var users = IntOption(args, "--users", 10_000);
                await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(users, IntOption(args, "--seed", 20260110));
                Console.WriteLine($"Seeded {users:N0} platform users with their verification records.");
                return true;
            case "benchmark":
                await MigrateAsync(app);
                await new VerificationBenchmark(app, IntOption(args, "--records", 1_000_000), IntOption(args, "--iterations", 200)).RunAsync(Console.Out);
                return true;
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'. Commands: seed --users N [--seed S], benchmark [--records N] [--iterations N].");
        }
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        foreach (var migrator in app.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>())
        {
            await migrator.StartAsync(CancellationToken.None);
        }
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1].Replace("_", "").Replace(",", ""), out var value) ? value : fallback;
    }
}
