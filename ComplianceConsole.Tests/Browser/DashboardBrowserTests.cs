using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A Manager, demo review cases (some overdue) and two verifications awaiting a Verifier.</summary>
public sealed class DashboardBrowserApp : BrowserApp
{
    public const string Manager = "dashboard.manager@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(300, seed: 11);
        await App.SubmitDirectlyAsync(new VerificationSubmission("dash-b1", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", DateTime.UtcNow.AddDays(-9)));
        await App.SubmitDirectlyAsync(new VerificationSubmission("dash-b2", null, null, VerificationMethod.ResidentIdCard, "11010519491231002X", "李雷", DateTime.UtcNow.AddHours(-2)));
    }
}

public sealed class DashboardBrowserTests(DashboardBrowserApp browser) : IClassFixture<DashboardBrowserApp>
{
    private async Task<IPage> SignedInAsync(string culture = Cultures.Chinese)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DashboardBrowserApp.Manager);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.BaseUrl,
        }]);
        return page;
    }

    [Fact]
    public async Task A_manager_lands_on_the_dashboard_and_follows_the_overdue_tile_to_the_overdue_queue()
    {
        var page = await SignedInAsync();
        await page.GotoAsync("");
        await Expect(page.Locator("#tile-overdue .tile-value")).Not.ToHaveTextAsync("0");
        await page.GotoAsync("dashboard?period=Days30");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#period-Days30")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled"));

        await page.Locator("#tile-overdue a.tile-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/review\?view=overdue$"));
        await Expect(page.Locator(".queue-row").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_pending_verifications_tile_opens_the_records_grid_filtered_to_pending_oldest_first()
    {
        var page = await SignedInAsync(Cultures.English);
        await page.GotoAsync("dashboard");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#tile-pending .tile-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#tile-pending")).ToContainTextAsync("over 7 days 1");

        await page.Locator("#tile-pending a.tile-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/verification\?status=Pending&sort=SubmittedOldest$"));
        await Expect(page.Locator("#filter-status")).ToContainTextAsync("Pending");
        var users = page.Locator("tr.clickable-row");
        await Expect(users).ToHaveCountAsync(2);
        await Expect(users.First).ToContainTextAsync("dash-b1");
    }

    [Fact]
    public async Task At_1024_pixels_in_English_the_reviewers_table_shows_every_column_without_scrolling_sideways()
    {
        var page = await SignedInAsync(Cultures.English);
        await page.SetViewportSizeAsync(1024, 800);
        await page.GotoAsync("dashboard?period=Days90");
        await page.WaitForInteractiveAsync();
        var table = page.Locator("#tile-more-1 .mud-table-container");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("(no display name)");

        var (scroll, client) = await table.WidthsAsync();
        Assert.True(scroll <= client, $"the table is {scroll} px wide in a tile of {client} px: its last column is hidden");
    }
}
