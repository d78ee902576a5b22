using System.Globalization;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// The Manager's dashboard as it loads for each period it offers (every figure and section, as the page asks for them, the figures per
/// reviewer included), and each feature's tile source and section on its own over the shortest and the longest period. Seeds content items, flags and cases first when the
/// database holds fewer items than asked for; reports the table sizes, p50 and p95, and the machine's load average while it ran.
/// </summary>
public sealed class DashboardBenchmark(WebApplication app, int items, int iterations)
{
    private const int Warmup = 2;

    public async Task RunAsync(TextWriter output)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var existing = await db.ContentItems.CountAsync();
            if (existing < items)
            {
                output.WriteLine($"The database has {existing:N0} content items; seeding {items - existing:N0} more with their flags and cases…");
                await app.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(items - existing, seed: existing + 1);
            }
            var (records, contentItems, cases) = (await db.VerificationRecords.CountAsync(), await db.ContentItems.CountAsync(), await db.ReviewCases.CountAsync());
            var (flags, decisions) = (await db.Flags.CountAsync(), await db.Decisions.CountAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{records:N0} verification records, {contentItems:N0} content items, {cases:N0} cases, {flags:N0} flags, {decisions:N0} decisions."));
        }
        await using var scope = app.Services.CreateAsyncScope();
        await BenchmarkHost.SignInAsync(scope.ServiceProvider);
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardQueryService>();
        output.WriteLine(BenchmarkHost.LoadAverage("before"));
        output.WriteLine();
        output.WriteLine("| dashboard period | p50 ms | p95 ms |");
        output.WriteLine("|---|---:|---:|");
        foreach (var range in Enum.GetValues<DashboardRange>())
        {
            var (p50, p95) = await LatencySample.MeasureAsync(() => dashboard.GetAsync(range), iterations, Warmup);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {range} | {p50:F1} | {p95:F1} |"));
        }
        // Each feature's figures on their own over the shortest and the longest period, so what costs what shows.
        foreach (var range in new[] { DashboardRange.Today, DashboardRange.Days90 })
        {
            var period = DashboardPeriod.Ending(DateTime.UtcNow, range);
            foreach (var source in scope.ServiceProvider.GetServices<IDashboardTileSource>())
            {
                await MeasureAloneAsync(output, $"{range}: {source.GetType().Name}", () => source.GetAsync(period, DateTime.UtcNow, CancellationToken.None));
            }
            foreach (var section in scope.ServiceProvider.GetServices<IDashboardSection>())
            {
                await MeasureAloneAsync(output, $"{range}: {section.GetType().Name}", () => section.GetAsync(period, CancellationToken.None));
            }
        }
        output.WriteLine();
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
    }

    private async Task MeasureAloneAsync(TextWriter output, string name, Func<Task> action)
    {
        var (p50, p95) = await LatencySample.MeasureAsync(action, iterations, Warmup);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} alone | {p50:F1} | {p95:F1} |"));
    }
}
