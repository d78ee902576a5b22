using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class MediaHostsFormSweepApp : BrowserApp
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

/// <summary>The allowed media hosts page: a host typed and added, shown in its kept form, still there after a reload, refused when added twice.</summary>
public sealed class MediaHostsFormSweepTests(MediaHostsFormSweepApp browser) : IClassFixture<MediaHostsFormSweepApp>
{
    [Fact]
    public async Task An_added_host_is_kept_and_a_second_time_refused_by_name()
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("settings/media-hosts");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#media-hosts-empty")).ToBeVisibleAsync();
            await page.Field("media-host").TypeCountedAsync("Media.Example.CN", AllowedMediaHostRules.MaxLength);
            await page.Locator("#media-host-add").ClickAsync();
            await Expect(page.Locator("#media-hosts")).ToContainTextAsync("media.example.cn");

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#media-hosts")).ToContainTextAsync("media.example.cn");
            await page.Field("media-host").FillAsync("media.example.cn");
            await page.Locator("#media-host-add").ClickAsync();
            await Expect(page.GetByText("media.example.cn 已在列表中。")).ToBeVisibleAsync();
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-media-hosts.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
