using System.Globalization;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// The Manager's dashboard as it loads for each period it offers (every figure and section, as the page asks for them, the figures per
/// reviewer included), and the review aggregates behind it on their own over the longest period. Seeds content items, flags and cases first when the database holds
/// fewer items than asked for; reports the table sizes, p50 and p95, and the machine's load average while it ran.
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
        var period = DashboardPeriod.Ending(DateTime.UtcNow, DashboardRange.Days90);
        var (decisionsP50, decisionsP95) = await LatencySample.MeasureAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await ReviewAggregates.DecisionsByDayAsync(db, period.FromUtc, period.ToUtc, byCategory: false, CancellationToken.None);
        }, iterations, Warmup);
        var (limitsP50, limitsP95) = await LatencySample.MeasureAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await ReviewAggregates.TimeLimitsByDayAsync(db, period.FromUtc, period.ToUtc, DateTime.UtcNow, CancellationToken.None);
        }, iterations, Warmup);
        // The per-reviewer section (part of every load above) on its own: one grouped statement over the period's decisions.
        var reviewers = scope.ServiceProvider.GetRequiredService<ReviewerStatistics>();
        var (reviewersP50, reviewersP95) = await LatencySample.MeasureAsync(() => reviewers.ForPeriodAsync(period.FromUtc, period.ToUtc), iterations, Warmup);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Days90: review decisions by day and outcome alone | {decisionsP50:F1} | {decisionsP95:F1} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Days90: figures per reviewer alone | {reviewersP50:F1} | {reviewersP95:F1} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Days90: time limits met and missed by day and source alone | {limitsP50:F1} | {limitsP95:F1} |"));
        output.WriteLine();
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
    }
}
