using System.Net.Http.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.Find;

/// <summary>An instance that runs no search indexer of its own: what waits for the index stays waiting until a test runs a pass.</summary>
public sealed class IndexerOffApp() : ContentApp(new Dictionary<string, string> { ["ComplianceConsole:Review:SearchIndexer"] = "false" })
{
    public const string Reader = "index.reader@example.cn";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.CreateStaffAsync(Reader, Roles.Reviewer);
    }

    /// <summary>Sends the item with a complaint, so it has a case a search can find; returns the item's id.</summary>
    public async Task<long> SendAsync(string externalId, string excerpt)
    {
        using var platform = Platform();
        (await platform.PostAsJsonAsync("/api/v1/content", new { items = new[] { Item(externalId, excerpt) } })).EnsureSuccessStatusCode();
        var flag = new { contentExternalId = externalId, source = "UserComplaint", reason = "举报", externalId = "complaint-" + externalId };
        (await platform.PostAsJsonAsync("/api/v1/flags", new { items = new[] { flag } })).EnsureSuccessStatusCode();
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ContentItems.Where(i => i.ExternalId == externalId).Select(i => i.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<ReviewSearchResult> SearchAsync(string words)
    {
        await using var scope = App.As(Reader);
        return await scope.Get<ReviewFindQueryService>().SearchAsync(new ReviewSearchRequest(words, 20, Common.PageAnchor.First, null), TestContext.Current.CancellationToken);
    }

    public async Task<List<string>> FoundAsync(string words) => (await SearchAsync(words)).Items.Select(r => r.ContentExternalId).ToList();
}

public sealed class SearchIndexBehindTests(IndexerOffApp app) : IClassFixture<IndexerOffApp>
{
    private static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_item_is_found_by_its_words_once_the_indexer_took_it_and_until_then_the_search_says_how_many_items_wait()
    {
        await app.SendAsync("behind-1", "火星探测器传回了彩色照片");
        await app.SendAsync("behind-2", "火星探测器进入了休眠模式");

        var before = await app.SearchAsync("火星探测器");
        Assert.Empty(before.Items);
        Assert.True(before.IndexLag.Waiting.Value >= 2, $"{before.IndexLag.Waiting.Value} items said to wait");
        Assert.False(before.IndexLag.Waiting.AtLeast);

        await app.App.Services.IndexSearchAsync();

        var after = await app.SearchAsync("火星探测器");
        Assert.Equal(["behind-2", "behind-1"], after.Items.Select(r => r.ContentExternalId));
        Assert.Equal(SearchIndexLag.None, after.IndexLag);
    }

    [Fact]
    public async Task A_changed_text_is_not_found_by_its_old_words_at_once_and_by_its_new_ones_once_indexed()
    {
        await app.SendAsync("behind-changed", "旧的句子讲述海洋深处的鲸鱼");
        await app.App.Services.IndexSearchAsync();
        Assert.Equal(["behind-changed"], await app.FoundAsync("鲸鱼"));

        await app.SendAsync("behind-changed", "新的句子讲述沙漠里的骆驼");

        Assert.Empty(await app.FoundAsync("鲸鱼"));
        Assert.Empty(await app.FoundAsync("骆驼"));
        await app.App.Services.IndexSearchAsync();
        Assert.Equal(["behind-changed"], await app.FoundAsync("骆驼"));
        Assert.Empty(await app.FoundAsync("鲸鱼"));
    }

    [Fact]
    public async Task A_text_retention_erased_while_it_waited_is_never_indexed()
    {
        var itemId = await app.SendAsync("behind-erased", "这段文字将被保留期限删除的秘密");
        await using (var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancelled))
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancelled))
        {
            await new ContentItemsTarget(app.App.Services.GetRequiredService<DataFolder>()).RemoveAsync(db, [itemId], Cancelled);
            await transaction.CommitAsync(Cancelled);
        }

        await app.App.Services.IndexSearchAsync();

        Assert.Empty(await app.FoundAsync("删除的秘密"));
        Assert.Equal(SearchIndexLag.None, (await app.SearchAsync("删除的秘密")).IndexLag);
    }

    [Fact]
    public async Task An_item_a_writer_holds_waits_for_the_next_pass_which_indexes_what_the_writer_committed()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "SQLite has one writer: the indexer's pass and another write never overlap there.");
        var itemId = await app.SendAsync("behind-held", "第一版文字写着山顶的积雪");
        await using var writer = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancelled);
        await using (var held = await writer.Database.BeginTransactionAsync(Cancelled))
        {
            await writer.ContentItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Excerpt, "第二版文字写着山谷的溪流"), Cancelled);

            await app.App.Services.IndexSearchAsync(); // not kept waiting by the writer: it leaves the item for the next pass

            Assert.True((await app.SearchAsync("山谷的溪流")).IndexLag.Waiting.Value >= 1);
            await held.CommitAsync(Cancelled);
        }
        await app.App.Services.IndexSearchAsync();

        Assert.Equal(["behind-held"], await app.FoundAsync("山谷的溪流"));
        Assert.Empty(await app.FoundAsync("山顶的积雪"));
    }
}
