using System.Net;
using System.Net.Sockets;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ComplianceConsole.Tests.Browser;

/// <summary>
/// The app on Kestrel at 127.0.0.1 and the operating system's Chromium driven by Playwright. Playwright's own
/// browser download is not used; Debian's chromium must be installed (.ci/run does it).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public BrowserApp() : this((IReadOnlyDictionary<string, string>?)null)
    {
    }

    /// <summary>The app with these settings over its defaults.</summary>
    protected BrowserApp(IReadOnlyDictionary<string, string>? settings) => App = new TestApp(settings);

    /// <summary>An app of the test's own making (on a movable clock, say).</summary>
    protected BrowserApp(TestApp app) => App = app;

    public TestApp App { get; }
    public string BaseUrl { get; private set; } = "";
    /// <summary>The run's one Chromium (<see cref="SharedChromium"/>); this app's pages live in contexts of its own, closed with it.</summary>
    private IBrowser _browser = default!;
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _browser = await SharedChromium.GetAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        await ArrangeAsync();
    }

    /// <summary>Data a test class needs before its first test, arranged once for the class.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    /// <summary>A page in a fresh browser context; with a storage state, one that is already signed in (see <see cref="SignedInPageAsync"/>).</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "zh-CN", StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        // Expectations wait as long as actions do: on a loaded two-core machine a page's answer can take longer than 5 s.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleErrors.Add(message.Text);
        };
        return page;
    }

    /// <summary>A context (a browser profile of its own) in the shared Chromium, closed when this app is.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await _browser.NewContextAsync(options);
        _contexts.Add(context);
        return context;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _signedIn = new();

    /// <summary>
    /// A page signed in as this person: the first signs in through the login page, later ones reuse its cookie, so a class of many
    /// tests signs each person in once.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        if (_signedIn.TryGetValue(email, out var state)) return await NewPageAsync(state);
        var page = await NewPageAsync();
        await page.SignInAsync(email);
        _signedIn[email] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>
    /// Works one form as <paramref name="email"/> on a page of its own: no console errors may follow, a failure leaves a
    /// screenshot named for the form, and the page's context is closed either way.
    /// </summary>
    public async Task SweepAsync(string email, string name, Func<IPage, Task> sweep)
    {
        var page = await SignedInPageAsync(email);
        try
        {
            await sweep(page);
            Assert.True(ConsoleErrors.IsEmpty, string.Join("\n", ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync($"failure-sweep-{name}.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Errors the pages wrote to the browser console (a blocked script, a failed circuit): there should be none.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> ConsoleErrors { get; } = [];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        App.Dispose();
    }
}
