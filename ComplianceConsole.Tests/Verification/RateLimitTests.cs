using System.Net;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Verification;

public sealed class RateLimitTests : IDisposable
{
    private readonly TestApp _app = new(new Dictionary<string, string> { [ApiServiceCollectionExtensions.RequestsPerMinuteKey] = "3" });

    [Fact]
    public async Task A_key_over_its_limit_is_answered_429_and_another_key_is_not_affected()
    {
        await _app.CompleteSetupAsync();
        string busy, quiet;
        await using (var admin = _app.As(TestApp.AdminEmail))
        {
            busy = (await admin.Get<ApiKeyService>().CreateAsync("busy", RolePermissions.ApiScopes.ToList())).Key!;
            quiet = (await admin.Get<ApiKeyService>().CreateAsync("quiet", RolePermissions.ApiScopes.ToList())).Key!;
        }
        HttpClient Client(string key)
        {
            var client = _app.CreateBrowserlikeClient();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            return client;
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await Client(busy).GetAsync("/api/v1/users/someone/eligibility")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await Client(quiet).GetAsync("/api/v1/users/someone/eligibility")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
