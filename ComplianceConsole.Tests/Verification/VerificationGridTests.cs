using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Benchmarks;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Verification;

/// <summary>Demo data a little past the count bound, and a Verifier to read it.</summary>
public sealed class GridApp : IAsyncLifetime
{
    public const string Verifier = "grid.verifier@example.cn";
    public const int Users = KeysetPaging.CountBound + 150;

    public TestApp App { get; } = new();
    public GridBenchmark.Samples Samples { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Verifier, ComplianceConsole.Security.Roles.Verifier);
        await App.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(Users, seed: 8);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var sample = await db.VerificationRecords.OrderBy(r => r.Id).Select(r => new { r.IdentifierCipher }).FirstAsync();
        Samples = new GridBenchmark.Samples(App.Services.GetRequiredService<PiiProtector>().Decrypt(sample.IdentifierCipher),
            (await db.VerificationRecords.Where(r => r.DecidedBy != null).Select(r => r.DecidedBy).FirstAsync())!,
            await db.VerificationRecords.MinAsync(r => r.SubmittedAtUtc), await db.VerificationRecords.MaxAsync(r => r.SubmittedAtUtc));
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class VerificationGridTests(GridApp app) : IClassFixture<GridApp>
{
    [Fact]
    public async Task Every_query_the_grid_offers_seeks_its_index_without_sorting_or_reading_the_whole_table()
    {
        Assert.SkipWhen(Infrastructure.TestDatabase.IsPostgreSql, "SQLite's query plans (EXPLAIN QUERY PLAN, INDEXED BY); PostgreSQL plans with its own statistics.");
        await using var scope = app.App.As(GridApp.Verifier);
        var queries = scope.Get<VerificationQueryService>();
        var combinations = GridBenchmark.Combinations(app.Samples).ToList();
        Assert.True(combinations.Count > 500, "every filter alone and together, with each sort offered");

        // The plan depends on which filters are present, not on their values: one of each shape.
        foreach (var (filter, sort) in combinations.DistinctBy(c => (c.Filter with { Status = c.Filter.Status is null ? null : VerificationStatus.Verified,
                     Method = c.Filter.Method is null ? null : VerificationMethod.MobileNumber }, c.Sort)))
        {
            await using var db = await scope.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            foreach (var anchor in new[] { PageAnchor.First, PageAnchor.Last })
            {
                var page = await queries.PageQueryAsync(db, new VerificationPageRequest(filter, sort, 25, anchor), TestContext.Current.CancellationToken);
                AssertSeeks(await PlanAsync(db, page.Take(26).Select(r => new { r.Id, r.PlatformUser.ExternalId })), filter, sort);
            }
            var count = await queries.CountQueryAsync(db, filter, sort, exact: false, TestContext.Current.CancellationToken);
            AssertSeeks(await PlanAsync(db, count.Select(r => r.Id)), filter, sort);
        }
    }

    [Theory]
    [InlineData(VerificationSort.SubmittedNewest)]
    [InlineData(VerificationSort.SubmittedOldest)]
    [InlineData(VerificationSort.DecidedNewest)]
    public async Task Paging_forward_back_and_to_the_last_page_shows_every_match_once_in_order(VerificationSort sort)
    {
        var filter = new VerificationFilter { Status = VerificationStatus.Revoked, DecidedBy = app.Samples.Decider };
        await using var scope = app.App.As(GridApp.Verifier);
        var queries = scope.Get<VerificationQueryService>();
        const int size = 7;

        var pages = new List<KeysetPage<VerificationRow>> { await queries.GetPageAsync(new VerificationPageRequest(filter, sort, size), TestContext.Current.CancellationToken) };
        while (pages[^1].HasNext)
        {
            pages.Add(await queries.GetPageAsync(new VerificationPageRequest(filter, sort, size, PageAnchor.After, pages[^1].Items[^1].CursorFor(sort)),
                TestContext.Current.CancellationToken));
        }
        var walked = pages.SelectMany(p => p.Items.Select(r => r.Id)).ToList();
        Assert.Equal(await ExpectedAsync(filter, sort), walked);
        Assert.True(pages.Count > 3);
        Assert.False(pages[0].HasPrevious);
        Assert.All(pages.Skip(1), p => Assert.True(p.HasPrevious));

        var last = await queries.GetPageAsync(new VerificationPageRequest(filter, sort, size, PageAnchor.Last), TestContext.Current.CancellationToken);
        Assert.Equal(walked.TakeLast(size), last.Items.Select(r => r.Id));
        Assert.True(last.HasPrevious);
        Assert.False(last.HasNext);
        var beforeLast = await queries.GetPageAsync(new VerificationPageRequest(filter, sort, size, PageAnchor.Before, last.Items[0].CursorFor(sort)),
            TestContext.Current.CancellationToken);
        Assert.Equal(walked.SkipLast(size).TakeLast(size), beforeLast.Items.Select(r => r.Id));
        Assert.True(beforeLast.HasNext);

        Assert.Equal(new BoundedCount(walked.Count, false), await queries.CountAsync(filter, sort, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_seeded_records_are_submitted_and_decided_over_time_not_piled_at_the_moment_of_seeding()
    {
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var decidedTogether = await db.VerificationRecords.Where(r => r.DecidedAtUtc != null).GroupBy(r => r.DecidedAtUtc)
            .Select(g => g.Count()).MaxAsync(TestContext.Current.CancellationToken);
        var submittedTogether = await db.VerificationRecords.GroupBy(r => r.SubmittedAtUtc).Select(g => g.Count()).MaxAsync(TestContext.Current.CancellationToken);
        Assert.True(decidedTogether <= 2 && submittedTogether <= 2, $"{decidedTogether} decided and {submittedTogether} submitted at one moment");
    }

    [Fact]
    public async Task A_count_stops_at_ten_thousand_and_counts_exactly_on_request()
    {
        await using var scope = app.App.As(GridApp.Verifier);
        var queries = scope.Get<VerificationQueryService>();
        Assert.Equal(new BoundedCount(KeysetPaging.CountBound, true),
            await queries.CountAsync(new VerificationFilter(), VerificationSort.SubmittedNewest, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(new BoundedCount(GridApp.Users, false),
            await queries.CountAsync(new VerificationFilter(), VerificationSort.SubmittedNewest, exact: true, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_period_decides_the_sort_and_the_two_periods_are_not_offered_together()
    {
        var decided = new VerificationFilter { DecidedFromUtc = DateTime.UtcNow.AddDays(-30) };
        var submitted = new VerificationFilter { SubmittedToUtc = DateTime.UtcNow };
        Assert.Equal([VerificationSort.DecidedNewest], VerificationGridRules.SortsFor(decided));
        Assert.Equal([VerificationSort.SubmittedNewest, VerificationSort.SubmittedOldest], VerificationGridRules.SortsFor(submitted));
        Assert.Equal(VerificationSort.DecidedNewest, VerificationGridRules.Fit(decided, VerificationSort.SubmittedOldest));
        Assert.False(VerificationGridRules.IsOffered(decided with { SubmittedToUtc = DateTime.UtcNow }, VerificationSort.DecidedNewest));
        Assert.Equal(Enum.GetValues<VerificationSort>(), VerificationGridRules.SortsFor(new VerificationFilter { DuplicatesOnly = true }));
    }

    private async Task<List<long>> ExpectedAsync(VerificationFilter filter, VerificationSort sort)
    {
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var matching = db.VerificationRecords.Where(r => r.Status == filter.Status && r.DecidedBy == filter.DecidedBy);
        return await (sort switch
        {
            VerificationSort.SubmittedOldest => matching.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id),
            VerificationSort.DecidedNewest => matching.Where(r => r.DecidedAtUtc != null).OrderByDescending(r => r.DecidedAtUtc).ThenByDescending(r => r.Id),
            _ => matching.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id),
        }).Select(r => r.Id).ToListAsync();
    }

    private static void AssertSeeks(IReadOnlyList<string> plan, VerificationFilter filter, VerificationSort sort)
    {
        var shown = $"{filter} {sort}: {string.Join(" | ", plan)}";
        if (filter.Search is not null)
        {
            // An exact search finds a few rows through its own indexes and may sort them, but never walks the table or a whole index.
            Assert.False(plan.Any(line => line == "SCAN v" || line.StartsWith("SCAN v ", StringComparison.Ordinal)), shown);
            return;
        }
        Assert.False(plan.Any(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal)), shown);
        var index = VerificationGridIndexes.For(filter, sort == VerificationSort.DecidedNewest).Name;
        Assert.True(plan.Any(line => line.Contains(index, StringComparison.Ordinal)), shown);
    }

    private static Task<IReadOnlyList<string>> PlanAsync(AppDbContext db, IQueryable query) => QueryPlans.ExplainAsync(db, query);
}
