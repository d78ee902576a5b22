using System.Diagnostics;
using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Every grid query the UI offers, generated from the filters and sorts it has (each filter alone and with every
/// other, each allowed sort, through <see cref="VerificationGridRules.IsOffered"/>): page 1, a deep page (a keyset
/// seek into the middle of the time span), the last page (a reversed keyset) and the bounded count. Reports how many
/// exceed the budget and the slowest five with their SQLite query plans.
/// </summary>
public sealed class GridBenchmark(VerificationQueryService queries, IDbContextFactory<AppDbContext> contexts, int iterations)
{
    public const double BudgetMs = 50;

    public sealed record Samples(string Identifier, string Decider, DateTime FirstSubmittedUtc, DateTime LastSubmittedUtc);

    private enum Operation { FirstPage, DeepPage, LastPage, Count }

    private sealed record Scenario(VerificationFilter Filter, VerificationSort Sort, Operation Operation, string Name);

    private sealed record Timing(Scenario Scenario, double P50, double P95);

    public static IEnumerable<(VerificationFilter Filter, VerificationSort Sort)> Combinations(Samples samples)
    {
        var week = samples.FirstSubmittedUtc.AddDays((samples.LastSubmittedUtc - samples.FirstSubmittedUtc).TotalDays / 2);
        (DateTime? SubmittedFrom, DateTime? SubmittedTo, DateTime? DecidedFrom, DateTime? DecidedTo)[] periods =
        [
            (null, null, null, null),
            (week, week.AddDays(7), null, null),
            (samples.LastSubmittedUtc.AddDays(-365), null, null, null),
            (null, null, samples.LastSubmittedUtc.AddDays(-30), null),
            (week, week.AddDays(7), samples.LastSubmittedUtc.AddDays(-30), null),
        ];
        return
            from search in new[] { null, samples.Identifier }
            from status in OrNone(Enum.GetValues<VerificationStatus>())
            from method in OrNone(Enum.GetValues<VerificationMethod>())
            from decider in new[] { null, samples.Decider }
            from duplicates in new[] { false, true }
            from period in periods
            let filter = new VerificationFilter
            {
                Search = search, Status = status, Method = method, DecidedBy = decider, DuplicatesOnly = duplicates,
                SubmittedFromUtc = period.SubmittedFrom, SubmittedToUtc = period.SubmittedTo, DecidedFromUtc = period.DecidedFrom, DecidedToUtc = period.DecidedTo,
            }
            from sort in Enum.GetValues<VerificationSort>()
            where VerificationGridRules.IsOffered(filter, sort)
            select (filter, sort);
    }

    public async Task RunAsync(TextWriter output, Samples samples)
    {
        var pageSize = VerificationGridRules.PageSizes.Max();
        var scenarios = Combinations(samples)
            .SelectMany(c => Enum.GetValues<Operation>().Select(op => new Scenario(c.Filter, c.Sort, op, Describe(c.Filter, c.Sort, op))))
            .ToList();
        var stopwatch = Stopwatch.StartNew();
        var timings = new List<Timing>();
        foreach (var scenario in scenarios)
        {
            timings.Add(await TimeAsync(scenario, () => RunAsync(scenario, samples, pageSize)));
        }
        var over = timings.Count(t => t.P95 > BudgetMs);
        var p95s = timings.Select(t => t.P95).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Grid: {scenarios.Count / 4:N0} filter × sort combinations offered, {scenarios.Count:N0} scenarios (page 1, deep page, last page, bounded count), pages of {pageSize}, {iterations} timed rounds each ({stopwatch.Elapsed.TotalSeconds:F0} s)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenarios over {BudgetMs} ms at p95: {over}. Median scenario p95 {p95s[p95s.Count / 2]:F1} ms; slowest scenario p95 {p95s[^1]:F1} ms."));
        foreach (var timing in timings.Where(t => t.P95 > BudgetMs).OrderByDescending(t => t.P95).Skip(5).Take(20))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  over budget: {timing.Scenario.Name}: p50 {timing.P50:F1} ms, p95 {timing.P95:F1} ms"));
        }
        output.WriteLine();
        output.WriteLine("Slowest five (p95) with their query plans:");
        foreach (var timing in timings.OrderByDescending(t => t.P95).Take(5))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {timing.Scenario.Name}: p50 {timing.P50:F1} ms, p95 {timing.P95:F1} ms"));
            foreach (var line in await PlanAsync(timing.Scenario, samples, pageSize)) output.WriteLine($"      {line}");
        }
    }

    private async Task RunAsync(Scenario scenario, Samples samples, int pageSize)
    {
        if (scenario.Operation == Operation.Count) await queries.CountAsync(scenario.Filter, scenario.Sort);
        else await queries.GetPageAsync(Request(scenario, samples, pageSize));
    }

    private static VerificationPageRequest Request(Scenario scenario, Samples samples, int pageSize) => scenario.Operation switch
    {
        Operation.DeepPage => new VerificationPageRequest(scenario.Filter, scenario.Sort, pageSize, PageAnchor.After, DeepCursor(scenario, samples)),
        Operation.LastPage => new VerificationPageRequest(scenario.Filter, scenario.Sort, pageSize, PageAnchor.Last),
        _ => new VerificationPageRequest(scenario.Filter, scenario.Sort, pageSize),
    };

    /// <summary>The middle of the period shown (or of all the data): where a person paging on for hundreds of pages would be.</summary>
    private static VerificationCursor DeepCursor(Scenario scenario, Samples samples)
    {
        var f = scenario.Filter;
        var from = f.SubmittedFromUtc ?? f.DecidedFromUtc ?? samples.FirstSubmittedUtc;
        var to = f.SubmittedToUtc ?? f.DecidedToUtc ?? samples.LastSubmittedUtc;
        return new VerificationCursor(from + (to - from) / 2, scenario.Sort == VerificationSort.SubmittedOldest ? 0 : long.MaxValue);
    }

    private async Task<Timing> TimeAsync(Scenario scenario, Func<Task> action)
    {
        var (p50, p95) = await LatencySample.MeasureAsync(action, iterations, warmup: 1);
        return new Timing(scenario, p50, p95);
    }

    private async Task<IReadOnlyList<string>> PlanAsync(Scenario scenario, Samples samples, int pageSize)
    {
        await using var db = await contexts.CreateDbContextAsync();
        IQueryable query = scenario.Operation == Operation.Count
            ? (await queries.CountQueryAsync(db, scenario.Filter, scenario.Sort, exact: false, CancellationToken.None)).Select(r => r.Id)
            : (await queries.PageQueryAsync(db, Request(scenario, samples, pageSize), CancellationToken.None)).Take(pageSize + 1)
                .Select(r => new { r.Id, r.PlatformUser.ExternalId, r.IdentifierCipher });
        return await QueryPlans.ExplainAsync(db, query);
    }

    private static string Describe(VerificationFilter f, VerificationSort sort, Operation operation)
    {
        var parts = new List<string>();
        if (f.Search is not null) parts.Add("search");
        if (f.Status is { } status) parts.Add(status.ToString());
        if (f.Method is { } method) parts.Add(method.ToString());
        if (f.DecidedBy is not null) parts.Add("decider");
        if (f.DuplicatesOnly) parts.Add("duplicates");
        if (f.SubmittedFromUtc is { } sf) parts.Add(f.SubmittedToUtc is null ? "submitted last year" : $"submitted week of {sf:yyyy-MM-dd}");
        if (f.DecidedFromUtc is not null) parts.Add("decided last 30 days");
        return $"{(parts.Count == 0 ? "all" : string.Join(" + ", parts))}, {sort}, {operation}";
    }

    private static IEnumerable<T?> OrNone<T>(IEnumerable<T> values) where T : struct => values.Select(v => (T?)v).Prepend(null);
}
