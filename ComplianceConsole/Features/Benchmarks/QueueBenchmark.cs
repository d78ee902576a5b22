using System.Diagnostics;
using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Every view the review queue page offers (<see cref="ReviewQueueViews.Offered"/>), each as page 1, a deep page (a keyset
/// seek to the middle of the view), the last page (the first, reversed) and the bounded count, timed as a Manager who also
/// reviews sees them. Seeds content items, flags and cases first when the database holds fewer items than asked for.
/// Reports p50 and p95 of every scenario, how many exceed the budget, and the slowest five with their SQLite query plans.
/// </summary>
public sealed class QueueBenchmark(WebApplication app, int items, int iterations)
{
    public const double BudgetMs = 50;
    private const int Warmup = 3;

    /// <summary>Every this many cases is given to the benchmark's own account, so "mine" holds a long-serving reviewer's share.</summary>
    private const int MineEvery = 300;

    private enum Operation { FirstPage, DeepPage, LastPage, Count }

    private sealed record Scenario(ReviewQueueView View, Operation Operation, ReviewQueueCursor? Middle)
    {
        public string Name => $"{View.ToQuery()}, {Operation}";
    }

    private sealed record Timing(Scenario Scenario, double P50, double P95);

    public async Task RunAsync(TextWriter output)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var existing = await CountItemsAsync(contexts);
        if (existing < items)
        {
            output.WriteLine($"The database has {existing:N0} content items; seeding {items - existing:N0} more with their flags and cases…");
            await app.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(items - existing, seed: existing + 1);
            existing = await CountItemsAsync(contexts);
        }
        await using var scope = app.Services.CreateAsyncScope();
        await BenchmarkHost.SignInAsync(scope.ServiceProvider);
        var actor = await scope.ServiceProvider.GetRequiredService<PermissionGuard>().DemandActorAsync(ReviewPermissions.Supervise);
        await GiveShareAsync(contexts, actor);
        var queries = scope.ServiceProvider.GetRequiredService<ReviewQueryService>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var (cases, open, flags) = (await db.ReviewCases.CountAsync(), await db.ReviewCases.CountAsync(c => c.State == ReviewCaseState.Open), await db.Flags.CountAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{existing:N0} content items, {cases:N0} review cases ({open:N0} open), {flags:N0} flags."));
        }

        const int pageSize = 100;
        var scenarios = new List<Scenario>();
        foreach (var view in ReviewQueueViews.Offered(canDecide: true, canSupervise: true))
        {
            var middle = await MiddleAsync(queries, view, pageSize);
            scenarios.AddRange(Enum.GetValues<Operation>().Select(op => new Scenario(view, op, middle)));
        }
        output.WriteLine(BenchmarkHost.LoadAverage("before"));
        var stopwatch = Stopwatch.StartNew();
        var timings = new List<Timing>();
        foreach (var scenario in scenarios) timings.Add(await TimeAsync(() => RunAsync(queries, scenario, pageSize), scenario));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Queue: {scenarios.Count / 4} views offered, {scenarios.Count} scenarios (page 1, deep page, last page, bounded count), pages of {pageSize}, {iterations} timed rounds each ({stopwatch.Elapsed.TotalSeconds:F0} s)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenarios over {BudgetMs} ms at p95: {timings.Count(t => t.P95 > BudgetMs)}. Slowest scenario p95 {timings.Max(t => t.P95):F1} ms."));
        output.WriteLine();
        output.WriteLine("| view | page 1 p95 ms | deep page p95 ms | last page p95 ms | count p95 ms |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var view in timings.GroupBy(t => t.Scenario.View))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {view.Key.ToQuery()} | {string.Join(" | ", view.Select(t => t.P95.ToString("F1", CultureInfo.InvariantCulture)))} |"));
        }
        output.WriteLine();
        output.WriteLine("Slowest five (p95) with their query plans:");
        foreach (var timing in timings.OrderByDescending(t => t.P95).Take(5))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {timing.Scenario.Name}: p50 {timing.P50:F1} ms, p95 {timing.P95:F1} ms"));
            foreach (var line in await PlanAsync(contexts, timing.Scenario, actor.Id, pageSize)) output.WriteLine($"      {line}");
        }

        await new FindBenchmark(contexts, scope.ServiceProvider.GetRequiredService<ReviewFindQueryService>(), iterations).RunAsync(output);
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
    }

    private static Task RunAsync(ReviewQueryService queries, Scenario scenario, int pageSize) =>
        scenario.Operation == Operation.Count ? queries.CountAsync(scenario.View) : queries.GetPageAsync(Request(scenario, pageSize));

    private static ReviewQueueRequest Request(Scenario scenario, int pageSize) => scenario.Operation switch
    {
        Operation.DeepPage => new ReviewQueueRequest(scenario.View, pageSize, PageAnchor.After, scenario.Middle),
        Operation.LastPage => new ReviewQueueRequest(scenario.View, pageSize, PageAnchor.Last),
        _ => new ReviewQueueRequest(scenario.View, pageSize),
    };

    /// <summary>Halfway between the view's first and last case in queue order: where someone paging on for hundreds of pages would be.</summary>
    private static async Task<ReviewQueueCursor?> MiddleAsync(ReviewQueryService queries, ReviewQueueView view, int pageSize)
    {
        var first = await queries.GetPageAsync(new ReviewQueueRequest(view, 1));
        var last = await queries.GetPageAsync(new ReviewQueueRequest(view, 1, PageAnchor.Last));
        if (first.Items.Count == 0 || last.Items.Count == 0) return null;
        return new ReviewQueueCursor((first.Items[0].QueueOrder + last.Items[0].QueueOrder) / 2, 0);
    }

    private async Task<Timing> TimeAsync(Func<Task> action, Scenario scenario)
    {
        var (p50, p95) = await LatencySample.MeasureAsync(action, iterations, Warmup);
        return new Timing(scenario, p50, p95);
    }

    /// <summary>The benchmark's account gets its share of cases once, decided ones included, as a reviewer who has worked a while.</summary>
    private static async Task GiveShareAsync(IDbContextFactory<AppDbContext> contexts, Audit.AuditActor actor)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (await db.ReviewCases.AnyAsync(c => c.AssignedToId == actor.Id)) return;
        await db.ReviewCases.Where(c => c.Id % MineEvery == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedToId, actor.Id).SetProperty(c => c.AssignedToName, actor.Name));
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(IDbContextFactory<AppDbContext> contexts, Scenario scenario, string? staffId, int pageSize)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        IQueryable query = scenario.Operation == Operation.Count
            ? ReviewQueryService.CountQuery(db, scenario.View, staffId, now, exact: false)
            : ReviewQueryService.PageQuery(db, Request(scenario, pageSize), staffId, now).Take(pageSize + 1)
                .Select(c => new { c.Id, c.ContentItem.ExternalId, c.ContentItem.Excerpt });
        return await QueryPlans.ExplainAsync(db, query);
    }

    private static async Task<int> CountItemsAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ContentItems.CountAsync();
    }
}
