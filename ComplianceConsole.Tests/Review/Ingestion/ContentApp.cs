using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.Ingestion;

/// <summary>The app with a platform key holding every scope, and one key for each content scope alone.</summary>
public class ContentApp : IAsyncLifetime
{
    public ContentApp() : this(null)
    {
    }

    /// <summary>With these settings on top of the test app's (a fixture has one public constructor: subclasses pass them).</summary>
    protected ContentApp(IReadOnlyDictionary<string, string>? settings) => App = new(settings);

    public TestApp App { get; }
    public string PlatformKey { get; private set; } = "";
    public string SubmitOnlyKey { get; private set; } = "";
    public string ReadOnlyKey { get; private set; } = "";

    public virtual async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await using var admin = App.As(TestApp.AdminEmail);
        var keys = admin.Get<ApiKeyService>();
        PlatformKey = (await keys.CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        SubmitOnlyKey = (await keys.CreateAsync("submitter", [ReviewPermissions.SubmitContent])).Value!;
        ReadOnlyKey = (await keys.CreateAsync("reader", [ReviewPermissions.ReadContent])).Value!;
    }

    public HttpClient Platform(string? key = null)
    {
        var client = App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key ?? PlatformKey);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A valid item: text with both labels present and an AIGC label agreeing with the declaration.</summary>
    public static Dictionary<string, object?> Item(string externalId, string excerpt = "一段普通的生成文字") => new()
    {
        ["externalId"] = externalId,
        ["authorExternalId"] = "author-" + externalId,
        ["authorDisplayName"] = "作者",
        ["mediaType"] = "Text",
        ["category"] = "PersonImitationText",
        ["excerpt"] = excerpt,
        ["mediaUrl"] = "https://cdn.example.cn/c/" + externalId,
        ["contentHash"] = new string('a', 64),
        ["declaredAiGenerated"] = true,
        ["implicitLabel"] = new { label = "1", contentProducer = "001191101080000000000000000000001", produceId = "p-" + externalId },
        ["explicitLabelStatus"] = "Present",
        ["publishedAt"] = "2026-11-20T09:00:00+08:00",
    };

    public async Task<JsonElement> PostAsync(string path, params object[] items)
    {
        var response = await Platform().PostAsJsonAsync(path, new { items });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<AppDbContext> DbAsync() => await App.Services.ReadContextAsync();

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}
