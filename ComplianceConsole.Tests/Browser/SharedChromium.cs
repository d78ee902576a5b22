using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ComplianceConsole.Tests.Browser.SharedChromium))]

namespace ComplianceConsole.Tests.Browser;

/// <summary>
/// One Chromium for the whole test run, started when a browser test first needs it: each test class works in browser
/// contexts of its own (as separate as separate browsers), and the forty classes no longer start forty browsers.
/// </summary>
public sealed class SharedChromium : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install -y chromium");
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return _browser;
        }
        finally
        {
            Starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
