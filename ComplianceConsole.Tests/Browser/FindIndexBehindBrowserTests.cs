using System.Net.Http.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review.Ingestion;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>An instance that runs no search indexer, and three items the platform sent, each with a complaint, waiting for the index.</summary>
public sealed class IndexerOffBrowserApp() : BrowserApp(new Dictionary<string, string> { ["ComplianceConsole:Review:SearchIndexer"] = "false" })
{
    public const string Reviewer = "behind.reviewer@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        string key;
        await using (var admin = App.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        }
        using var platform = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        platform.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var ids = new[] { "late-1", "late-2", "late-3" };
        var items = ids.Select(id => ContentApp.Item(id, $"凌晨发布的换脸视频{id}在网上流传")).ToArray();
        (await platform.PostAsJsonAsync("api/v1/content", new { items })).EnsureSuccessStatusCode();
        var flags = ids.Select(id => new { contentExternalId = id, source = "UserComplaint", reason = "举报", externalId = "complaint-" + id }).ToArray();
        (await platform.PostAsJsonAsync("api/v1/flags", new { items = flags })).EnsureSuccessStatusCode();
    }
}

public sealed class FindIndexBehindBrowserTests(IndexerOffBrowserApp browser) : IClassFixture<IndexerOffBrowserApp>
{
    [Fact]
    public async Task A_search_by_words_says_how_many_new_items_it_cannot_find_yet_in_both_languages_and_finds_them_once_indexed()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(IndexerOffBrowserApp.Reviewer);
        await page.GotoAsync("review/find?q=" + Uri.EscapeDataString("视频"));
        await page.WaitForInteractiveAsync();

        var notice = page.Locator("#find-index-behind");
        await Expect(notice).ToContainTextAsync("最近收到的 3 条内容尚未编入文字检索");
        await Expect(page.Locator(".find-row")).ToHaveCountAsync(0);
        foreach (var (width, name) in new[] { (1440, "find-index-behind.png"), (1024, "find-index-behind-1024.png") })
        {
            await page.ResizeAndWaitForLayoutAsync(width, 800);
            await page.SaveScreenshotAsync(name);
            var (content, box) = await page.Locator("body").WidthsAsync();
            Assert.True(content <= box, $"at {width} px the page is {content} px wide in {box}");
        }

        await page.SwitchLanguageAsync(Cultures.English);
        try
        {
            await Expect(notice).ToContainTextAsync("3 items received lately are not in the word search yet");
            await page.SaveScreenshotAsync("find-index-behind-1024-en.png");

            await browser.App.Services.IndexSearchAsync();
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();

            await Expect(page.Locator(".find-row")).ToHaveCountAsync(3);
            await Expect(notice).ToHaveCountAsync(0);
        }
        finally
        {
            await page.SwitchLanguageAsync(Cultures.Chinese);
        }
    }
}
