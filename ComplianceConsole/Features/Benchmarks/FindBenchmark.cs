using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Part of <c>benchmark --queue</c>: the Find page's searches (exact ids, and words of the seeded text from a rare phrase to a
/// two-character word in one item of eight) and its lists of decided and appealed cases by each filter and a few combinations,
/// each as page 1, a deep page (a keyset seek to the middle), the last page and the bounded count. p50 and p95 of each, how
/// many exceed the budget, and the slowest five with their query plans where they come from LINQ.
/// </summary>
internal sealed class FindBenchmark(IDbContextFactory<AppDbContext> contexts, ReviewFindQueryService queries, int iterations)
{
    private const int Warmup = 3;
    private const int PageSize = 100;

    private enum Operation { FirstPage, DeepPage, LastPage, Count }

    private sealed record Scenario(string Name, Operation Operation, Func<Task> Run, ReviewDecidedFilter? Decided = null, ReviewFindCursor? Middle = null);

    private sealed record Timing(Scenario Scenario, double P50, double P95);

    public async Task RunAsync(TextWriter output)
    {
        var scenarios = new List<Scenario>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // Ids from the middle of the data: a content id, an author's, a complaint's (when the data has one), a case number.
            var caseId = await db.ReviewCases.OrderBy(c => c.Id).Skip(await db.ReviewCases.CountAsync() / 2).Select(c => c.Id).FirstAsync();
            var item = await db.ReviewCases.Where(c => c.Id == caseId).Select(c => new { c.ContentItem.ExternalId, Author = c.ContentItem.Author.ExternalId }).SingleAsync();
            var complaint = await db.Flags.Where(f => f.ExternalId != null).Select(f => f.ExternalId).FirstOrDefaultAsync();
            var appeal = await db.Appeals.Select(a => a.PlatformAppealId).FirstOrDefaultAsync();
            var searches = new List<(string Name, string Text)>
            {
                ("case number", caseId.ToString(CultureInfo.InvariantCulture)), ("content id", item.ExternalId), ("author id", item.Author),
                ("words: 声称地震即将发生 (1 in 10)", "声称地震即将发生"), ("words: 换脸 (1 in 8)", "换脸"), ("words: 市长 承认造假", "市长 承认造假"),
                ("words: miracle cure", "miracle cure"), ("words: absent 量子纠缠", "量子纠缠"),
            };
            if (complaint is not null) searches.Add(("complaint id", complaint));
            if (appeal is not null) searches.Add(("appeal id", appeal));
            foreach (var (name, text) in searches)
            {
                var first = await queries.SearchAsync(new ReviewSearchRequest(text, 1));
                var last = await queries.SearchAsync(new ReviewSearchRequest(text, 1, PageAnchor.Last));
                long? middle = first.Items.Count > 0 && last.Items.Count > 0 ? (first.Items[0].Cursor + last.Items[0].Cursor) / 2 : null;
                scenarios.Add(new($"search {name}", Operation.FirstPage, () => queries.SearchAsync(new ReviewSearchRequest(text, PageSize))));
                scenarios.Add(new($"search {name}", Operation.DeepPage, () => queries.SearchAsync(new ReviewSearchRequest(text, PageSize, PageAnchor.After, middle))));
                scenarios.Add(new($"search {name}", Operation.LastPage, () => queries.SearchAsync(new ReviewSearchRequest(text, PageSize, PageAnchor.Last))));
                scenarios.Add(new($"search {name}", Operation.Count, () => queries.CountSearchAsync(text)));
            }
        }

        var today = DateOnly.FromDateTime(Localization.ChinaTime.FromUtc(DateTime.UtcNow));
        var reviewer = ReviewDemoSeeder.Reviewers[0].Id;
        List<(string Name, ReviewDecidedFilter Filter)> decided =
        [
            ("all", new()), ("reviewer", new(ReviewerId: reviewer)), ("outcome Removed", new(Outcome: DecisionOutcome.Removed)),
            ("outcome ReportedToRegulator (none)", new(Outcome: DecisionOutcome.ReportedToRegulator)), ("reason fake_news", new(ReasonCode: "fake_news")),
            .. Enum.GetValues<FlagSource>().Select(s => ($"source {s}", new ReviewDecidedFilter(Source: s))),
            ("last 7 days", new(From: today.AddDays(-6), To: today)), ("reviewer + outcome", new(ReviewerId: reviewer, Outcome: DecisionOutcome.NoViolation)),
            ("reviewer + outcome + reason + 30 days", new(reviewer, DecisionOutcome.LabelRequired, "label_missing", null, today.AddDays(-29), today)),
            ("reviewer + source RegulatorNotice + 30 days", new(reviewer, null, null, FlagSource.RegulatorNotice, today.AddDays(-29), today)),
            ("outcome + reason + source Staff", new(null, DecisionOutcome.Removed, "fake_news", FlagSource.Staff)),
        ];
        foreach (var (name, filter) in decided)
        {
            var first = await queries.GetDecidedAsync(new ReviewDecidedRequest(filter, 1));
            var last = await queries.GetDecidedAsync(new ReviewDecidedRequest(filter, 1, PageAnchor.Last));
            ReviewFindCursor? middle = first.Items.Count > 0 && last.Items.Count > 0
                ? new(first.Items[0].DecidedAtUtc + (last.Items[0].DecidedAtUtc - first.Items[0].DecidedAtUtc) / 2, long.MaxValue) : null;
            scenarios.Add(new($"decided {name}", Operation.FirstPage, () => queries.GetDecidedAsync(new ReviewDecidedRequest(filter, PageSize)), filter));
            scenarios.Add(new($"decided {name}", Operation.DeepPage,
                () => queries.GetDecidedAsync(new ReviewDecidedRequest(filter, PageSize, PageAnchor.After, middle)), filter, middle));
            scenarios.Add(new($"decided {name}", Operation.LastPage, () => queries.GetDecidedAsync(new ReviewDecidedRequest(filter, PageSize, PageAnchor.Last)), filter));
            scenarios.Add(new($"decided {name}", Operation.Count, () => queries.CountDecidedAsync(filter), filter));
        }
        foreach (var (name, filter) in new (string, ReviewAppealedFilter)[]
                 {
                     ("all", new()), ("open", new(Status: ReviewAppealStatus.Open)), ("overturned", new(Status: ReviewAppealStatus.Overturned)),
                     ("source UserComplaint + 30 days", new(Source: FlagSource.UserComplaint, From: today.AddDays(-29), To: today)),
                 })
        {
            scenarios.Add(new($"appealed {name}", Operation.FirstPage, () => queries.GetAppealedAsync(new ReviewAppealedRequest(filter, PageSize))));
            scenarios.Add(new($"appealed {name}", Operation.LastPage, () => queries.GetAppealedAsync(new ReviewAppealedRequest(filter, PageSize, PageAnchor.Last))));
            scenarios.Add(new($"appealed {name}", Operation.Count, () => queries.CountAppealedAsync(filter)));
        }

        var timings = new List<Timing>();
        foreach (var scenario in scenarios)
        {
            var (p50, p95) = await LatencySample.MeasureAsync(scenario.Run, iterations, Warmup);
            timings.Add(new Timing(scenario, p50, p95));
        }
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Find: {timings.Count} scenarios (searches, decided and appealed lists; page 1, deep page, last page, bounded count), pages of {PageSize}, {iterations} timed rounds each."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenarios over {QueueBenchmark.BudgetMs} ms at p95: {timings.Count(t => t.P95 > QueueBenchmark.BudgetMs)}. Slowest scenario p95 {timings.Max(t => t.P95):F1} ms."));
        output.WriteLine();
        output.WriteLine("| find | page 1 p50/p95 ms | deep page p50/p95 ms | last page p50/p95 ms | count p50/p95 ms |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var group in timings.GroupBy(t => t.Scenario.Name))
        {
            var cells = Enum.GetValues<Operation>().Select(op => group.FirstOrDefault(t => t.Scenario.Operation == op) is { } t
                ? string.Create(CultureInfo.InvariantCulture, $"{t.P50:F1} / {t.P95:F1}") : "–");
            output.WriteLine($"| {group.Key} | {string.Join(" | ", cells)} |");
        }
        output.WriteLine();
        output.WriteLine("Slowest five (p95), with the query plan of a decided list's page:");
        foreach (var timing in timings.OrderByDescending(t => t.P95).Take(5))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {timing.Scenario.Name}, {timing.Scenario.Operation}: p50 {timing.P50:F1} ms, p95 {timing.P95:F1} ms"));
            if (timing.Scenario.Decided is not { } filter) continue;
            await using var db = await contexts.CreateDbContextAsync();
            var anchor = timing.Scenario.Operation switch
            {
                Operation.DeepPage => PageAnchor.After, Operation.LastPage => PageAnchor.Last, _ => PageAnchor.First,
            };
            IQueryable query = timing.Scenario.Operation == Operation.Count
                ? ReviewFindQueryService.DecidedCountQuery(db, filter, exact: false)
                : ReviewFindQueryService.DecidedPage(ReviewFindQueryService.DecidedQuery(db, filter), anchor, timing.Scenario.Middle).Take(PageSize + 1).Select(d => d.Id);
            foreach (var line in await QueryPlans.ExplainAsync(db, query)) output.WriteLine($"      {line}");
        }
    }
}
