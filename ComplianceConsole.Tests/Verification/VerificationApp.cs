using System.Net.Http.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Verification;

/// <summary>The app with a verifier, a second verifier, an auditor, a manager and a platform API key holding both scopes.</summary>
public sealed class VerificationApp : IAsyncLifetime
{
    public const string Verifier = "verifier@example.cn";
    public const string SecondVerifier = "verifier2@example.cn";
    public const string Auditor = "auditor@example.cn";
    public const string Manager = "manager@example.cn";

    public TestApp App { get; } = new();
    public string PlatformKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await App.CreateStaffAsync(SecondVerifier, Roles.Verifier);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await using var admin = App.As(TestApp.AdminEmail);
        PlatformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
    }

    public HttpClient Platform(string? key = null)
    {
        var client = App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key ?? PlatformKey);
        return client;
    }

    /// <summary>Submits one verification through the API and returns the new record's id.</summary>
    public async Task<long> SubmitAsync(string externalUserId, VerificationMethod method, string identifier, string realName, DateTimeOffset? submittedAt = null)
    {
        var response = await Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = new[] { new { externalUserId, method = method.ToString(), identifier, realName, submittedAt } },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("results")[0].GetProperty("recordId").GetInt64();
    }

    public async Task<Common.Result> DecideAsync(string staff, long id, VerificationAction action, string? reason = null, string? note = null)
    {
        await using var scope = App.As(staff);
        var version = (await scope.Get<VerificationQueryService>().GetDetailAsync(id))!.Record.Version;
        return await scope.Get<VerificationDecisionService>().DecideAsync(id, (int)version, new DecisionRequest(action, reason, note));
    }

    public async Task<VerificationDetail> DetailAsync(long id, string staff = Verifier)
    {
        await using var scope = App.As(staff);
        return (await scope.Get<VerificationQueryService>().GetDetailAsync(id))!;
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}
