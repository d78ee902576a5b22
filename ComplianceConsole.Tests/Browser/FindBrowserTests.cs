using ComplianceConsole.Data;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>An auditor and demo cases (their text indexed by the seeder as ingestion indexes it).</summary>
public sealed class FindBrowserApp : BrowserApp
{
    public const string Auditor = "find.auditor@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        await App.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(200, seed: 11);
    }
}

public sealed class FindBrowserTests(FindBrowserApp browser) : IClassFixture<FindBrowserApp>
{
    [Fact]
    public async Task A_word_typed_into_the_search_finds_the_newest_case_holding_it_and_its_row_opens_the_case()
    {
        // The newest case's text, and a Chinese word of two to four characters from inside it.
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var newest = await db.ReviewCases.OrderByDescending(c => c.ContentItemId).Select(c => new { c.Id, c.ContentItem.Excerpt }).FirstAsync();
        var run = SearchTerms.Runs(newest.Excerpt).First(r => r.Length >= 2 && r.All(ch => ch >= '\u4e00' && ch <= '\u9fff'));
        var word = run.Length > 4 ? run.Substring(1, 3) : run;

        var page = await browser.NewPageAsync();
        await page.SignInAsync(FindBrowserApp.Auditor);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={Cultures.Chinese}|uic={Cultures.Chinese}"), Url = browser.BaseUrl,
        }]);
        await page.GotoAsync("review/find");
        await page.WaitForInteractiveAsync();
        await page.Locator("#find-text-input").FillAsync(word);
        await page.Locator("#find-go").ClickAsync();

        await Expect(page.Locator("#find-matched")).ToBeVisibleAsync();
        var row = page.Locator($"#case-{newest.Id}");
        await Expect(page.Locator(".find-row").First).ToHaveIdAsync($"case-{newest.Id}");
        await Expect(row).ToContainTextAsync(word);
        await page.SaveScreenshotAsync("review-find.png", fullPage: true);
        await row.Locator("a.case-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/review/cases/{newest.Id}$"));
    }
}
