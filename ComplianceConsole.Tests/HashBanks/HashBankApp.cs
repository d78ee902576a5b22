using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review.Ingestion;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>The app with a Manager who keeps the banks, a Reviewer who decides, and a platform key holding every scope.</summary>
public sealed class HashBankApp : IAsyncLifetime
{
    public const string Manager = "bank-manager@example.cn";
    public const string Reviewer = "bank-reviewer@example.cn";

    public TestApp App { get; } = new();
    public string PlatformKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await using var admin = App.As(TestApp.AdminEmail);
        PlatformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }

    public HttpClient Platform(string? key = null)
    {
        var client = App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key ?? PlatformKey);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A bank made by the Manager, under a name unique to the test.</summary>
    public async Task<HashBankRow> BankAsync(string name, HashBankKind kind = HashBankKind.Block, int distance = HashBank.DefaultMatchDistance)
    {
        await using var manager = App.As(Manager);
        var banks = manager.Get<HashBankService>();
        var saved = await banks.SaveBankAsync(new HashBankForm { Name = name, Kind = kind, ReasonCode = kind == HashBankKind.Block ? "rumour" : null, MatchDistance = distance });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Select(e => e.MessageKey)));
        return (await banks.GetBanksAsync()).Single(b => b.Name == name);
    }

    public async Task SetEnabledAsync(long bankId, bool enabled)
    {
        await using var manager = App.As(Manager);
        var banks = manager.Get<HashBankService>();
        var current = (await banks.GetBankAsync(bankId))!;
        Assert.True((await banks.SetEnabledAsync(bankId, current.Version, enabled)).Succeeded);
    }

    public async Task<IReadOnlyList<HashEntryResult>> AddAsync(long bankId, params PdqHash[] hashes)
    {
        await using var manager = App.As(Manager);
        return await manager.Get<HashBankService>().AddEntriesAsync(bankId, hashes.Select(h => new HashEntryInput(h.ToString(), 90, null)).ToList(), HashBankEntryOrigin.Manual);
    }

    /// <summary>Posts one image item carrying these PDQ hashes; answers the item's result.</summary>
    public async Task<JsonElement> PostItemAsync(string externalId, params PdqHash[] hashes)
    {
        var item = ContentApp.Item(externalId);
        item["mediaType"] = "Image";
        item["category"] = "FaceManipulation";
        item["perceptualHashes"] = hashes.Select((h, i) => new { hash = h.ToString(), quality = 90, frameAtMs = (int?)null }).ToArray();
        var response = await Platform().PostAsJsonAsync("/api/v1/content", new { items = new[] { item } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
    }

    public async Task<Flag?> BankFlagAsync(long contentItemId)
    {
        await using var db = await App.Services.ReadContextAsync();
        return db.Flags.Where(f => f.ContentItemId == contentItemId && f.HashBankId != null).OrderBy(f => f.Id).FirstOrDefault();
    }

    public Task<AppDbContext> DbAsync() => App.Services.ReadContextAsync();
}
