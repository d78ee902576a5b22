using System.Net.Http.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review.Find;

/// <summary>
/// Content sent through the platform API (so the ingestion writer keeps the search index), each item with a complaint and
/// so a case; fillers decided by several reviewers over several China days with several outcomes and reasons, a staff flag
/// on every third; and three appeals (open, upheld, overturned).
/// </summary>
public sealed class FindApp : ReviewApp
{
    public const string Verifier = "find.verifier@example.cn";
    public const int Fillers = 12;

    public string PlatformKey { get; private set; } = "";
    public Dictionary<string, long> CaseOf { get; } = [];
    public List<Decision> Decisions { get; } = [];
    public List<Appeal> Appeals { get; } = [];

    /// <summary>The China day the first filler was decided on; each next one a day earlier.</summary>
    public DateOnly Today { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await using (var admin = App.As(TestApp.AdminEmail))
        {
            PlatformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        }
        await SendAsync("find-1", "author-a", "今天某知名演员宣布退出娱乐圈，视频疑似换脸。");
        await SendAsync("find-2", "author-a", "一段关于天气的普通文字");
        await SendAsync("find-3", "author-b", "Deepfake 视频：总统宣布加税");
        await SendAsync("find-4", "author-b", "宣布，退出");
        await SendAsync("find-upd", "author-d", "原来的句子讲述山川湖泊");
        for (var i = 0; i < Fillers; i++) await SendAsync($"filler-{i}", "author-c", $"普通内容第{i}号", staffFlag: i % 3 == 0);
        await App.Services.IndexSearchAsync();
        await ArrangeDecisionsAsync();
    }

    public HttpClient Platform()
    {
        var client = App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, PlatformKey);
        return client;
    }

    public async Task SendAsync(string id, string author, string excerpt, bool staffFlag = false)
    {
        using var platform = Platform();
        var item = new
        {
            externalId = id, authorExternalId = author, authorDisplayName = "作者", mediaType = "Text", category = "PersonImitationText", excerpt,
            mediaUrl = "https://cdn.example.cn/c/" + id, declaredAiGenerated = true,
            implicitLabel = new { label = "1", contentProducer = "001191101080000000000000000000001", produceId = "p-" + id },
            explicitLabelStatus = "Present",
        };
        (await platform.PostAsJsonAsync("/api/v1/content", new { items = new[] { item } })).EnsureSuccessStatusCode();
        if (CaseOf.ContainsKey(id)) return;
        var flags = new List<object> { new { contentExternalId = id, source = "UserComplaint", reason = "举报", externalId = "complaint-" + id } };
        if (staffFlag) flags.Add(new { contentExternalId = id, source = "Staff", reason = "抽查" });
        (await platform.PostAsJsonAsync("/api/v1/flags", new { items = flags })).EnsureSuccessStatusCode();
        await using var db = await ContextAsync();
        CaseOf[id] = await db.ReviewCases.Where(c => c.ContentItem.ExternalId == id).Select(c => c.Id).SingleAsync();
    }

    private async Task ArrangeDecisionsAsync()
    {
        var people = new[] { Reviewers[0], Reviewers[1], (Email: Manager, Id: ManagerId) };
        var outcomes = new[] { DecisionOutcome.NoViolation, DecisionOutcome.Removed, DecisionOutcome.LabelRequired };
        var reasons = new[] { "false_positive", "fake_news", "label_missing", "rumour" };
        // Noon in China on each day, so a day's period holds exactly its decisions.
        var noonToday = ChinaTime.ToUtc(ChinaTime.FromUtc(Now).Date.AddHours(12));
        Today = DateOnly.FromDateTime(ChinaTime.FromUtc(Now));
        await using var db = await ContextAsync();
        for (var i = 0; i < Fillers; i++)
        {
            var caseId = CaseOf[$"filler-{i}"];
            var sources = await db.ReviewCases.Where(c => c.Id == caseId).Select(c => c.SourceMask).SingleAsync();
            var person = people[i % 3];
            // Two decisions share a time, so the id breaks the tie.
            var decision = new Decision
            {
                ReviewCaseId = caseId, Outcome = outcomes[i % 3 == 0 ? 0 : i % 2 + 1], ReasonCode = reasons[i % 4], DecidedById = person.Id,
                DecidedByName = person.Email, SourceMask = sources, DecidedAtUtc = noonToday.AddDays(-(i / 2)).AddMinutes(i % 2 == 0 ? 0 : -1 * (i % 4 == 1 ? 0 : 1)),
            };
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
            await db.ReviewCases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ReviewCaseState.Decided)
                .SetProperty(c => c.DecisionId, decision.Id).SetProperty(c => c.DecidedAtUtc, decision.DecidedAtUtc));
            Decisions.Add(decision);
        }
        var author = await db.PlatformUsers().Where(u => u.ExternalId == "author-c").Select(u => u.Id).SingleAsync();
        foreach (var (i, state, outcome, reason, by) in new[]
                 {
                     (0, AppealState.Open, (AppealOutcome?)null, (string?)null, ((string Email, string Id)?)null),
                     (1, AppealState.Decided, AppealOutcome.Upheld, "violation_confirmed", Reviewers[1]),
                     (2, AppealState.Decided, AppealOutcome.Overturned, "misjudged", (Manager, ManagerId)),
                 })
        {
            var decision = Decisions[i];
            var flag = await db.Flags.Where(f => f.ReviewCaseId == decision.ReviewCaseId).Select(f => f.Id).FirstAsync();
            var item = await db.ReviewCases.Where(c => c.Id == decision.ReviewCaseId).Select(c => c.ContentItemId).SingleAsync();
            var appeal = new Appeal
            {
                PlatformAppealId = $"appeal-{i}", RequestHash = new string('0', 64), ReviewCaseId = decision.ReviewCaseId, ContentItemId = item, DecisionId = decision.Id,
                PlatformUserId = author, FlagId = flag, Statement = "我不服", ReceivedAtUtc = decision.DecidedAtUtc.AddHours(1 + i), DueAtUtc = Now.AddDays(15),
                ReceivedBy = "api:platform", State = state, Outcome = outcome, ReasonCode = reason, DecidedById = by?.Id, DecidedByName = by?.Email,
                DecidedAtUtc = state == AppealState.Decided ? Now : null,
            };
            db.Appeals.Add(appeal);
            await db.SaveChangesAsync();
            Appeals.Add(appeal);
        }
    }
}

public sealed class ReviewFindTests(FindApp app) : IClassFixture<FindApp>
{
    private async Task<ReviewSearchResult> SearchAsync(string text, int size = 25)
    {
        await using var scope = app.App.As(ReviewApp.Auditor);
        return await scope.Get<ReviewFindQueryService>().SearchAsync(new ReviewSearchRequest(text, size));
    }

    private async Task<List<long>> FoundAsync(string text) => (await SearchAsync(text)).Items.Select(r => r.CaseId).ToList();

    private long[] Cases(params string[] ids) => ids.Select(id => app.CaseOf[id]).ToArray();

    [Theory]
    [InlineData("换脸", new[] { "find-1" })]
    [InlineData("退出娱乐圈", new[] { "find-1" })]
    [InlineData("宣布退出", new[] { "find-1" })]
    [InlineData("DEEPFAKE", new[] { "find-3" })]
    [InlineData("总统 加税", new[] { "find-3" })]
    [InlineData("宣布", new[] { "find-4", "find-3", "find-1" })]
    [InlineData("天气 换脸", new string[0])]
    [InlineData("布退", new[] { "find-1" })]
    public async Task Words_find_the_cases_whose_text_holds_each_of_them_inside_a_sentence_newest_first(string words, string[] expected)
    {
        var result = await SearchAsync(words);
        Assert.Equal(Cases(expected), result.Items.Select(r => r.CaseId));
        Assert.Equal([ReviewFindMatch.Words], result.Matches);
        await using var scope = app.App.As(ReviewApp.Auditor);
        Assert.Equal(new BoundedCount(expected.Length, false), await scope.Get<ReviewFindQueryService>().CountSearchAsync(words));
    }

    [Fact]
    public async Task Exact_ids_find_their_case_by_index_and_nothing_else()
    {
        Assert.Equal(Cases("find-2"), await FoundAsync("find-2"));
        Assert.Equal([ReviewFindMatch.ContentId], (await SearchAsync("find-2")).Matches);
        Assert.Equal(Cases("find-4", "find-3"), await FoundAsync("author-b"));
        Assert.Equal([ReviewFindMatch.AuthorId], (await SearchAsync("author-b")).Matches);
        Assert.Equal(Cases("find-1"), await FoundAsync("complaint-find-1"));
        Assert.Equal([ReviewFindMatch.ComplaintId], (await SearchAsync("complaint-find-1")).Matches);
        Assert.Equal([app.Appeals[2].ReviewCaseId], await FoundAsync("appeal-2"));
        Assert.Equal([ReviewFindMatch.AppealId], (await SearchAsync("appeal-2")).Matches);
        var number = app.CaseOf["find-2"];
        Assert.Equal([number], await FoundAsync(number.ToString()));
        Assert.Equal([ReviewFindMatch.CaseNumber], (await SearchAsync(number.ToString())).Matches);
        Assert.Empty(await FoundAsync("find-99"));
    }

    [Fact]
    public async Task A_single_character_is_too_short_to_search_and_finds_nothing()
    {
        var result = await SearchAsync("换");
        Assert.True(result.TooShort);
        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task A_changed_text_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        Assert.Equal(Cases("find-upd"), await FoundAsync("山川"));
        await app.SendAsync("find-upd", "author-d", "改过的句子说到星辰大海");
        await app.App.Services.IndexSearchAsync();
        Assert.Empty(await FoundAsync("山川"));
        Assert.Equal(Cases("find-upd"), await FoundAsync("星辰大海"));
    }

    [Fact]
    public async Task A_new_item_is_found_by_its_words_a_moment_after_ingestion_without_anyone_running_the_indexer()
    {
        await app.SendAsync("find-late", "author-e", "深夜的灯塔守望者点亮了航标");

        await WaitFor.ConditionAsync(async () => (await FoundAsync("灯塔守望者")).Count > 0);
        Assert.Equal(Cases("find-late"), await FoundAsync("灯塔守望者"));
    }

    [Fact]
    public async Task A_search_pages_both_ways_by_keyset()
    {
        var expected = Enumerable.Range(0, FindApp.Fillers).Reverse().Select(i => app.CaseOf[$"filler-{i}"]).ToList();
        await using var scope = app.App.As(ReviewApp.Auditor);
        var queries = scope.Get<ReviewFindQueryService>();
        var forward = new List<ReviewSearchResult> { await queries.SearchAsync(new ReviewSearchRequest("普通内容", 5)) };
        Assert.False(forward[0].HasPrevious);
        while (forward[^1].HasNext) forward.Add(await queries.SearchAsync(new ReviewSearchRequest("普通内容", 5, PageAnchor.After, forward[^1].Items[^1].Cursor)));
        Assert.Equal(expected, forward.SelectMany(p => p.Items).Select(r => r.CaseId));
        var backward = new List<ReviewSearchResult> { await queries.SearchAsync(new ReviewSearchRequest("普通内容", 5, PageAnchor.Last)) };
        Assert.False(backward[0].HasNext);
        while (backward[0].HasPrevious) backward.Insert(0, await queries.SearchAsync(new ReviewSearchRequest("普通内容", 5, PageAnchor.Before, backward[0].Items[0].Cursor)));
        Assert.Equal(expected, backward.SelectMany(p => p.Items).Select(r => r.CaseId));
    }

    public static TheoryData<string> DecidedFilters() => ["none", "reviewer", "outcome", "reason", "source", "period", "reviewer+outcome", "outcome+reason+period",
        "reviewer+reason", "reviewer+outcome+reason", "source+period", "reviewer+source", "all"];

    private ReviewDecidedFilter Decided(string name)
    {
        var parts = name.Split('+');
        bool Has(string part) => name == "all" || parts.Contains(part);
        return new ReviewDecidedFilter(
            Has("reviewer") ? app.Reviewers[0].Id : null,
            Has("outcome") ? DecisionOutcome.NoViolation : null,
            Has("reason") ? "false_positive" : null,
            Has("source") ? FlagSource.Staff : null,
            Has("period") ? app.Today.AddDays(-3) : null,
            Has("period") ? app.Today.AddDays(-1) : null);
    }

    private List<long> Expected(ReviewDecidedFilter filter) => app.Decisions
        .Where(d => filter.ReviewerId is null || d.DecidedById == filter.ReviewerId)
        .Where(d => filter.Outcome is null || d.Outcome == filter.Outcome)
        .Where(d => filter.ReasonCode is null || d.ReasonCode == filter.ReasonCode)
        .Where(d => filter.Source is null || app.CaseOf.Where(c => c.Key.StartsWith("filler-")).Any(c => c.Value == d.ReviewCaseId
            && int.Parse(c.Key["filler-".Length..]) % 3 == 0))
        .Where(d => filter.From is null || DateOnly.FromDateTime(ChinaTime.FromUtc(d.DecidedAtUtc)) >= filter.From)
        .Where(d => filter.To is null || DateOnly.FromDateTime(ChinaTime.FromUtc(d.DecidedAtUtc)) <= filter.To)
        .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id).Select(d => d.Id).ToList();

    [Theory]
    [MemberData(nameof(DecidedFilters))]
    public async Task Decided_cases_are_listed_by_each_filter_newest_first_and_page_the_same_both_ways(string name)
    {
        var filter = Decided(name);
        var expected = Expected(filter);
        if (name is not ("all" or "outcome+reason+period")) Assert.NotEmpty(expected);
        if (name != "none") Assert.True(expected.Count < FindApp.Fillers);
        await using var scope = app.App.As(ReviewApp.ReviewerEmail(1));
        var queries = scope.Get<ReviewFindQueryService>();
        const int size = 2;
        var forward = new List<KeysetPage<ReviewDecidedRow>> { await queries.GetDecidedAsync(new ReviewDecidedRequest(filter, size)) };
        Assert.False(forward[0].HasPrevious);
        while (forward[^1].HasNext) forward.Add(await queries.GetDecidedAsync(new ReviewDecidedRequest(filter, size, PageAnchor.After, forward[^1].Items[^1].Cursor)));
        Assert.Equal(expected, forward.SelectMany(p => p.Items).Select(r => r.DecisionId));
        var backward = new List<KeysetPage<ReviewDecidedRow>> { await queries.GetDecidedAsync(new ReviewDecidedRequest(filter, size, PageAnchor.Last)) };
        Assert.False(backward[0].HasNext);
        while (backward[0].HasPrevious) backward.Insert(0, await queries.GetDecidedAsync(new ReviewDecidedRequest(filter, size, PageAnchor.Before, backward[0].Items[0].Cursor)));
        Assert.Equal(expected, backward.SelectMany(p => p.Items).Select(r => r.DecisionId));
        Assert.Equal(new BoundedCount(expected.Count, false), await queries.CountDecidedAsync(filter));
    }

    [Fact]
    public async Task A_decided_row_names_the_reviewer_by_display_name_and_links_its_case()
    {
        await using var scope = app.App.As(ReviewApp.Auditor);
        var rows = (await scope.Get<ReviewFindQueryService>().GetDecidedAsync(new ReviewDecidedRequest(new ReviewDecidedFilter(ReviewerId: app.ManagerId), 50))).Items;
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(ReviewApp.Manager.Split('@')[0], r.DecidedBy));
        var row = rows[0];
        var decision = app.Decisions.Single(d => d.Id == row.DecisionId);
        Assert.Equal(decision.ReviewCaseId, row.CaseId);
        Assert.StartsWith("filler-", row.ContentExternalId);
        Assert.Contains(FlagSource.UserComplaint, row.Sources);
    }

    [Fact]
    public async Task Appealed_cases_are_listed_by_state_outcome_reviewer_reason_source_and_period()
    {
        await using var scope = app.App.As(ReviewApp.Auditor);
        var queries = scope.Get<ReviewFindQueryService>();
        async Task<List<long>> ListAsync(ReviewAppealedFilter filter) =>
            (await queries.GetAppealedAsync(new ReviewAppealedRequest(filter, 1))) is var first && first.HasNext
                ? [.. first.Items.Select(r => r.AppealId), .. (await queries.GetAppealedAsync(new ReviewAppealedRequest(filter, 10, PageAnchor.After, first.Items[^1].Cursor))).Items.Select(r => r.AppealId)]
                : first.Items.Select(r => r.AppealId).ToList();
        var (open, upheld, overturned) = (app.Appeals[0].Id, app.Appeals[1].Id, app.Appeals[2].Id);

        Assert.Equal(app.Appeals.OrderByDescending(a => a.ReceivedAtUtc).Select(a => a.Id), await ListAsync(new ReviewAppealedFilter()));
        Assert.Equal([open], await ListAsync(new ReviewAppealedFilter(Status: ReviewAppealStatus.Open)));
        Assert.Equal([upheld], await ListAsync(new ReviewAppealedFilter(Status: ReviewAppealStatus.Upheld)));
        Assert.Equal([overturned], await ListAsync(new ReviewAppealedFilter(Status: ReviewAppealStatus.Overturned)));
        Assert.Equal([overturned], await ListAsync(new ReviewAppealedFilter(ReviewerId: app.ManagerId)));
        Assert.Equal([upheld], await ListAsync(new ReviewAppealedFilter(ReasonCode: "violation_confirmed")));
        // Filler 0 (the open appeal's case) has a staff flag; fillers 1 and 2 do not.
        Assert.Equal([open], await ListAsync(new ReviewAppealedFilter(Source: FlagSource.Staff)));
        var day = DateOnly.FromDateTime(ChinaTime.FromUtc(app.Appeals[2].ReceivedAtUtc));
        Assert.Equal([overturned], await ListAsync(new ReviewAppealedFilter(From: day, To: day)));
        Assert.Equal(new BoundedCount(3, false), await queries.CountAppealedAsync(new ReviewAppealedFilter()));

        var rows = (await queries.GetAppealedAsync(new ReviewAppealedRequest(new ReviewAppealedFilter(Status: ReviewAppealStatus.Upheld), 10))).Items;
        Assert.Equal(ReviewApp.ReviewerEmail(1).Split('@')[0], rows.Single().DecidedBy);
        Assert.Equal("appeal-1", rows.Single().PlatformAppealId);
    }

    [Fact]
    public async Task A_role_without_review_read_is_refused_every_search_and_list()
    {
        await using var scope = app.App.As(FindApp.Verifier);
        var queries = scope.Get<ReviewFindQueryService>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.SearchAsync(new ReviewSearchRequest("换脸", 10)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.CountSearchAsync("换脸"));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetDecidedAsync(new ReviewDecidedRequest(new ReviewDecidedFilter(), 10)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.CountDecidedAsync(new ReviewDecidedFilter()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetAppealedAsync(new ReviewAppealedRequest(new ReviewAppealedFilter(), 10)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.CountAppealedAsync(new ReviewAppealedFilter()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.PeopleAsync());
    }

    [Fact]
    public async Task Every_decided_filter_seeks_its_own_index_and_a_search_walks_the_full_text_index()
    {
        Assert.SkipWhen(TestDatabase.IsPostgreSql, "SQLite's query plans (EXPLAIN QUERY PLAN, INDEXED BY); PostgreSQL plans with its own statistics.");
        await using var db = await app.ContextAsync();
        foreach (var reviewer in new[] { false, true })
        foreach (var outcome in new[] { false, true })
        foreach (var reason in new[] { false, true })
        foreach (var source in new[] { false, true })
        {
            var filter = new ReviewDecidedFilter(reviewer ? "x" : null, outcome ? DecisionOutcome.Removed : null, reason ? "fake_news" : null,
                source ? FlagSource.Staff : null, app.Today.AddDays(-30), app.Today);
            var index = ReviewFindIndexes.For(filter).Name;
            foreach (var anchor in Enum.GetValues<PageAnchor>())
            {
                var page = ReviewFindQueryService.DecidedPage(ReviewFindQueryService.DecidedQuery(db, filter), anchor, new ReviewFindCursor(app.Now, 5)).Take(26).Select(d => d.Id);
                AssertSeeks(await QueryPlans.ExplainAsync(db, page), index);
            }
            AssertSeeks(await QueryPlans.ExplainAsync(db, ReviewFindQueryService.DecidedCountQuery(db, filter, exact: false)), index);
        }
        // A page of a word search: the full-text index in item order, each hit's case by its unique item index; never the cases table in full.
        var words = ContentSearchIndex.Query(false, "宣布退出")!;
        var search = string.Join(" | ", await QueryPlans.ExplainAsync(db, ContentSearchIndex.CasePage(db, words, ascending: false, long.MaxValue, 26)));
        TestContext.Current.TestOutputHelper?.WriteLine(search);
        Assert.Matches(@"SCAN ContentSearch VIRTUAL TABLE INDEX", search);
        Assert.Contains("IX_ReviewCases_ContentItemId", search);
        Assert.DoesNotContain("TEMP B-TREE", search);
    }

    private static void AssertSeeks(IReadOnlyList<string> lines, string index)
    {
        var plan = string.Join(" | ", lines);
        TestContext.Current.TestOutputHelper?.WriteLine($"{index}: {plan}");
        Assert.Matches($@"USING (COVERING )?INDEX {index}\b", plan);
        Assert.DoesNotContain("SCAN Decisions", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
