using ComplianceConsole.Localization;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

public static class PageExtensions
{
    /// <summary>Waits until the page's circuit is connected, so clicks reach the live page rather than its prerendered copy.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator(".circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the window is as wide as asked and the browser has laid out and painted at that width (two animation frames
    /// after it): what a screenshot or a width check after <c>SetViewportSizeAsync</c> needs, without a fixed pause.
    /// </summary>
    public static async Task ResizeAndWaitForLayoutAsync(this IPage page, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.WaitForFunctionAsync("w => window.innerWidth === w", width);
        await page.WaitForNextPaintAsync();
    }

    /// <summary>
    /// Switches the page's language with the top bar's link and waits for the page in that language to be live: the link reloads
    /// the page, and until the new one is there the old one still answers as interactive.
    /// </summary>
    public static async Task SwitchLanguageAsync(this IPage page, string culture)
    {
        await page.GetByText(culture == Cultures.English ? "English" : "中文").First.ClickAsync();
        await Expect(page.Locator($"html[lang='{culture}']")).ToHaveCountAsync(1);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>How wide the element's content is and how wide its box: wider content scrolls sideways or is cut off.</summary>
    public static async Task<(int Content, int Box)> WidthsAsync(this ILocator element) =>
        await element.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]") is [var content, var box] ? (content, box) : (0, 0);

    /// <summary>Waits until the browser has painted what the page holds now (two animation frames).</summary>
    public static Task WaitForNextPaintAsync(this IPage page) =>
        page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");

    public static async Task SignInAsync(this IPage page, string email, string password = TestApp.Password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("您好");
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Chooses files once Blazor's InputFile has hooked the input: it does so after its first render, one round trip
    /// after the input appears (in a freshly opened dialog, say), and a change before that is lost.
    /// </summary>
    public static async Task ChooseFilesAsync(this ILocator fileInput, params FilePayload[] files)
    {
        await WaitForInputFileAsync(fileInput);
        await fileInput.SetInputFilesAsync(files);
    }

    /// <inheritdoc cref="ChooseFilesAsync(ILocator, FilePayload[])"/>
    public static async Task ChooseFileAsync(this ILocator fileInput, string path)
    {
        await WaitForInputFileAsync(fileInput);
        await fileInput.SetInputFilesAsync(path);
    }

    private static async Task WaitForInputFileAsync(ILocator fileInput)
    {
        var handle = await fileInput.ElementHandleAsync();
        await fileInput.Page.WaitForFunctionAsync("input => input._blazorInputFileNextFileId !== undefined", handle);
    }

    public static Task SaveScreenshotAsync(this IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, name), FullPage = fullPage });
}
