using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// The app published once for the class (<c>dotnet publish --no-build</c>, reusing the build these tests run from, a few
/// seconds) into a folder of its own.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    public PublishedApp()
    {
        var project = Path.Combine(AppProcess.RepositoryRoot(), "ComplianceConsole", "ComplianceConsole.csproj");
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var published = ExternalTools.Run("dotnet", ["publish", project, "--no-build", "--no-restore", "--disable-build-servers", "-c", configuration, "-o", Folder],
            Path.GetTempPath());
        Assert.True(published.ExitCode == 0, published.Output);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("cc-published-").FullName;

    public string Dll => Path.Combine(Folder, "ComplianceConsole.dll");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// The published app run as a service manager runs it, <c>dotnet /opt/cc/ComplianceConsole.dll</c> from /, in Production, in
/// a process of its own: its content root is its own folder, so the pages get their CSS and JavaScript and the settings of
/// its appsettings.json apply; a start-up it refuses ends with exit code 1 and a plain message.
/// </summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>, IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cc-published-data-").FullName;
    private readonly List<AppProcess> _started = [];

    [Fact]
    public async Task Started_from_the_root_folder_it_serves_the_newcomer_s_setup_page_with_every_stylesheet_and_script_and_reads_its_appsettings_json()
    {
        var app = Start();
        using var client = new HttpClient { BaseAddress = new Uri(app.Url) };
        await app.WaitUntilItAnswersAsync(client);

        using var first = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("/setup", first.RequestMessage!.RequestUri!.AbsolutePath);
        var page = new HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var pageAddress = new Uri(first.RequestMessage.RequestUri, page.QuerySelector("base")?.GetAttribute("href") ?? "");
        var stylesheets = page.QuerySelectorAll("link[rel~=stylesheet][href]").Select(l => new Uri(pageAddress, l.GetAttribute("href"))).ToList();
        var scripts = page.QuerySelectorAll("script[src]").Select(s => new Uri(pageAddress, s.GetAttribute("src"))).ToList();
        Assert.NotEmpty(stylesheets);
        Assert.NotEmpty(scripts);
        foreach (var (address, kind) in stylesheets.Select(a => (a, "css")).Concat(scripts.Select(a => (a, "javascript"))))
        {
            using var asset = await client.GetAsync(address, TestContext.Current.CancellationToken);
            var body = await asset.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.True(asset.StatusCode == HttpStatusCode.OK && body.Length > 0 && asset.Content.Headers.ContentType?.MediaType?.Contains(kind) == true,
                $"{address}: {(int)asset.StatusCode} {asset.Content.Headers.ContentType}, {body.Length} bytes");
        }

        // Only appsettings.json quiets EF Core's SQL log: without it every query of the migrations is logged before the host says it started.
        var log = await app.WaitForOutputAsync("Application started.");
        Assert.Contains("Microsoft.Hosting.Lifetime", log);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore.Database.Command", log);
    }

    [Fact]
    public async Task A_corrupt_key_file_stops_it_with_exit_code_1_and_a_plain_message_naming_the_file_without_a_stack_trace()
    {
        var keyFile = Path.Combine(_dataFolder, PiiKeyRing.DefaultFileName);
        await File.WriteAllTextAsync(keyFile, "{ \"LookupKey\": \"not a key", TestContext.Current.CancellationToken);

        var app = Start();

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains($"the personal-data key file {keyFile} cannot be read", app.Error);
        Assert.Contains($"个人信息密钥文件 {keyFile} 无法读取", app.Error);
        Assert.DoesNotContain((app.Error + app.Output).Split('\n'), line => line.Contains("   at "));
        Assert.Equal("{ \"LookupKey\": \"not a key", await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken));
    }

    private AppProcess Start()
    {
        var app = new AppProcess(published.Dll, _dataFolder);
        _started.Add(app);
        return app;
    }

    public void Dispose()
    {
        foreach (var app in _started) app.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
