using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review;

/// <summary>A queue of every kind of case: each source, category and label, due long ago to next week, escalated, decided, held and given.</summary>
public sealed class QueueApp : ReviewApp
{
    public List<ReviewCase> Cases { get; } = [];

    public string MeId => Reviewers[0].Id;

    public async Task ArrangeOnceAsync()
    {
        if (Cases.Count > 0) return;
        var random = new Random(9);
        var sources = Enum.GetValues<FlagSource>();
        for (var i = 0; i < 60; i++)
        {
            // Whole hours from now, several cases sharing one: the order among them is the priority's.
            var due = Now.AddHours(random.Next(-30, 60)).AddMinutes(30);
            var flags = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => sources[random.Next(sources.Length)]).ToArray();
            var state = (i % 10) switch { 0 => ReviewCaseState.Decided, 1 => ReviewCaseState.Escalated, _ => ReviewCaseState.Open };
            var spec = new CaseSpec(due, flags, (SynthesisCategory)(1 + i % 5), (LabelStatus)(1 + i % 3), state);
            spec = (i % 7) switch
            {
                0 => spec with { AssignedToId = MeId, AssignedToName = Reviewers[0].Email },
                1 => spec with { ClaimedById = MeId, ClaimedByName = Reviewers[0].Email },
                2 => spec with { ClaimedById = MeId, ClaimedByName = Reviewers[0].Email, ClaimExpiresAtUtc = Now.AddMinutes(-1) },
                3 => spec with { ClaimedById = Reviewers[1].Id, ClaimedByName = Reviewers[1].Email },
                _ => spec,
            };
            Cases.Add(await CaseAsync(await AddCaseAsync(spec)));
        }
    }
}

public sealed class ReviewQueueQueryTests(QueueApp app) : IClassFixture<QueueApp>
{
    private List<long> Expected(ReviewQueueView view)
    {
        var now = app.Now;
        IEnumerable<ReviewCase> listed = view.Kind switch
        {
            ReviewQueueViewKind.Mine => app.Cases.Where(c => c.State != ReviewCaseState.Decided
                && (c.AssignedToId == app.MeId || (c.ClaimedById == app.MeId && c.ClaimExpiresAtUtc > now))),
            ReviewQueueViewKind.Escalated => app.Cases.Where(c => c.State == ReviewCaseState.Escalated),
            _ => app.Cases.Where(c => c.State == ReviewCaseState.Open),
        };
        listed = view.Kind switch
        {
            ReviewQueueViewKind.Source => listed.Where(c => ReviewSources.In(c.SourceMask).Contains(view.Source!.Value)),
            ReviewQueueViewKind.Category => listed.Where(c => c.Category == view.Category),
            ReviewQueueViewKind.Label => listed.Where(c => c.LabelStatus == view.Label),
            ReviewQueueViewKind.DueSoon => listed.Where(c => c.DueAtUtc < now.AddHours(24)),
            ReviewQueueViewKind.Overdue => listed.Where(c => c.DueAtUtc < now),
            _ => listed,
        };
        return listed.OrderBy(c => c.DueAtUtc).ThenByDescending(c => c.Priority).ThenBy(c => c.Id).Select(c => c.Id).ToList();
    }

    public static TheoryData<string> Views() => [.. ReviewQueueViews.Offered(canDecide: true, canSupervise: true).Select(v => v.ToQuery())];

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Each_view_lists_its_cases_due_first_then_by_priority_and_pages_the_same_both_ways(string query)
    {
        await app.ArrangeOnceAsync();
        var view = ReviewQueueView.Parse(query);
        Assert.Equal(query, view.ToQuery());
        var expected = Expected(view);
        Assert.NotEmpty(expected);
        await using var scope = app.App.As(view.Kind == ReviewQueueViewKind.Escalated ? ReviewApp.Manager : ReviewApp.ReviewerEmail(0));
        var queries = scope.Get<ReviewQueryService>();
        const int size = 4;

        var forward = new List<KeysetPage<ReviewQueueRow>> { await queries.GetPageAsync(new ReviewQueueRequest(view, size)) };
        Assert.False(forward[0].HasPrevious);
        while (forward[^1].HasNext)
        {
            forward.Add(await queries.GetPageAsync(new ReviewQueueRequest(view, size, PageAnchor.After, forward[^1].Items[^1].Cursor)));
            Assert.True(forward[^1].HasPrevious);
        }
        Assert.Equal(expected, forward.SelectMany(p => p.Items).Select(r => r.Id));

        var backward = new List<KeysetPage<ReviewQueueRow>> { await queries.GetPageAsync(new ReviewQueueRequest(view, size, PageAnchor.Last)) };
        Assert.False(backward[0].HasNext);
        while (backward[0].HasPrevious)
        {
            backward.Insert(0, await queries.GetPageAsync(new ReviewQueueRequest(view, size, PageAnchor.Before, backward[0].Items[0].Cursor)));
        }
        Assert.Equal(expected, backward.SelectMany(p => p.Items).Select(r => r.Id));

        Assert.Equal(new BoundedCount(expected.Count, false), await queries.CountAsync(view));
    }

    [Fact]
    public async Task A_row_shows_the_item_its_sources_and_a_claim_only_while_its_lease_runs()
    {
        await app.ArrangeOnceAsync();
        await using var scope = app.App.As(ReviewApp.ReviewerEmail(0));
        var rows = (await scope.Get<ReviewQueryService>().GetPageAsync(new ReviewQueueRequest(ReviewQueueView.All, 100))).Items;

        var held = rows.First(r => app.Cases.Single(c => c.Id == r.Id).ClaimExpiresAtUtc > app.Now);
        Assert.NotNull(held.ClaimedByName);
        var lapsed = rows.First(r => app.Cases.Single(c => c.Id == r.Id).ClaimExpiresAtUtc is { } until && until <= app.Now);
        Assert.Null(lapsed.ClaimedByName);
        var row = rows[0];
        var source = app.Cases.Single(c => c.Id == row.Id);
        Assert.Equal(ReviewSources.In(source.SourceMask), row.Sources);
        Assert.StartsWith("item-", row.ContentExternalId);
        Assert.EndsWith("…", row.Excerpt);
        Assert.Equal(ReviewQueryService.ExcerptLength + 1, row.Excerpt!.Length);
    }

    [Fact]
    public async Task The_escalated_view_is_for_supervisors_only_and_the_queue_for_review_readers_only()
    {
        await app.ArrangeOnceAsync();
        await using (var reviewer = app.App.As(ReviewApp.ReviewerEmail(0)))
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => reviewer.Get<ReviewQueryService>().GetPageAsync(new ReviewQueueRequest(new(ReviewQueueViewKind.Escalated), 10)));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => reviewer.Get<ReviewQueryService>().CountAsync(new(ReviewQueueViewKind.Escalated)));
        }
        await using (var auditor = app.App.As(ReviewApp.Auditor))
        {
            Assert.NotEmpty((await auditor.Get<ReviewQueryService>().GetPageAsync(new ReviewQueueRequest(ReviewQueueView.All, 10))).Items);
        }
        await using var admin = app.App.As(Infrastructure.TestApp.AdminEmail);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => admin.Get<ReviewQueryService>().GetPageAsync(new ReviewQueueRequest(ReviewQueueView.All, 10)));
    }

    [Fact]
    public async Task Every_view_seeks_its_own_index_without_reading_the_table_in_full_or_sorting_it()
    {
        Assert.SkipWhen(Infrastructure.TestDatabase.IsPostgreSql, "SQLite's query plans (EXPLAIN QUERY PLAN, INDEXED BY); PostgreSQL plans with its own statistics.");
        await app.ArrangeOnceAsync();
        await using var db = await app.ContextAsync();
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ReviewCases'").ToListAsync();
        Assert.All(ReviewQueueIndexes.All, index => Assert.Contains(index.Name, indexes));

        foreach (var view in ReviewQueueViews.Offered(canDecide: true, canSupervise: true))
        {
            var cursor = new ReviewQueueCursor(ReviewQueueOrder.For(app.Now, 10), 5);
            foreach (var anchor in Enum.GetValues<PageAnchor>())
            {
                var page = ReviewQueryService.PageQuery(db, new ReviewQueueRequest(view, 25, anchor, cursor), app.MeId, app.Now)
                    .Take(26).Select(c => new { c.Id, c.ContentItem.ExternalId });
                AssertSeeks(await PlanAsync(db, page), view);
            }
            AssertSeeks(await PlanAsync(db, ReviewQueryService.CountQuery(db, view, app.MeId, app.Now, exact: false)), view);
        }
    }

    private static void AssertSeeks(string plan, ReviewQueueView view)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{view.ToQuery()}: {plan}");
        Assert.DoesNotContain("SCAN ReviewCases", plan);
        if (ReviewQueueIndexes.For(view) is { } index)
        {
            Assert.Matches($@"USING (COVERING )?INDEX {index.Name}\b", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
        else
        {
            // A reviewer's own cases: found through the assignment and claim indexes, a few rows sorted.
            Assert.Contains(ReviewQueueIndexes.Assigned.Name, plan);
            Assert.Contains(ReviewQueueIndexes.Claimed.Name, plan);
        }
    }

    private static async Task<string> PlanAsync(AppDbContext db, IQueryable query) => string.Join(" | ", await QueryPlans.ExplainAsync(db, query));
}
