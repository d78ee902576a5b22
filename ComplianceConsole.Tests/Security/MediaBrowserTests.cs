using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Browser;
using ComplianceConsole.Tests.Review;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Security;

/// <summary>A reviewer and an image case whose media lives on a test host on 127.0.0.1, which this app alone is allowed to fetch from.</summary>
public sealed class MediaBrowserApp() : BrowserApp(new Dictionary<string, string> { ["ComplianceConsole:Media:AllowPrivateAddresses"] = "true" })
{
    public LocalHttpServer MediaHost { get; } = new();
    public long ImageCase { get; private set; }

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(MediaFetchTests.Reviewer, Roles.Reviewer);
        var url = MediaHost.Answer("/photo.png", new LocalAnswer(200, "image/png", MediaFetchTests.Png));
        ImageCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "media-browser", "media-author", MediaType.Image, url);
    }
}

public sealed class MediaBrowserTests(MediaBrowserApp browser) : IClassFixture<MediaBrowserApp>, IDisposable
{
    public void Dispose() => browser.MediaHost.Dispose();

    [Fact]
    public async Task Opening_a_case_contacts_no_media_host_and_un_blurring_loads_the_image_from_the_console()
    {
        var page = await browser.SignedInPageAsync(MediaFetchTests.Reviewer);
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);

        await page.GotoAsync($"review/cases/{browser.ImageCase}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#media-preview")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("blurred"));
        await Expect(page.Locator("#media-address")).ToContainTextAsync(browser.MediaHost.Url("/photo.png"));
        Assert.Equal(0, await page.Locator("#media-preview img, #media-address a").CountAsync());
        Assert.Empty(browser.MediaHost.Hits);

        await page.Locator("#media-preview").ClickAsync();
        var image = page.Locator("#media-preview img");
        await Expect(image).ToHaveAttributeAsync("src", MediaEndpoints.UrlOf(browser.ImageCase));
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1);

        Assert.Equal(["/photo.png"], browser.MediaHost.Hits);
        Assert.DoesNotContain(requested, url => new Uri(url).Port == browser.MediaHost.Port);
        Assert.Contains(requested, url => url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && url.EndsWith(MediaEndpoints.UrlOf(browser.ImageCase), StringComparison.Ordinal));
        Assert.Empty(browser.ConsoleErrors);
    }
}
