using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;

namespace ComplianceConsole.Tests.Verification;

public sealed class RateLimitTests : IDisposable
{
    // The clock stands still unless moved, so the calls below fall in one minute of the count however long they take.
    private readonly MovableClock _clock = new();
    private readonly TestApp _app;

    public RateLimitTests() => _app = new ClockedTestApp(_clock, new Dictionary<string, string>
    {
        [$"{ApiOptions.Section}:{nameof(ApiOptions.EligibilityRequestsPerMinute)}"] = "3",
        [$"{ApiOptions.Section}:{nameof(ApiOptions.SubmitRequestsPerMinute)}"] = "2",
    });

    [Fact]
    public async Task A_key_over_its_limit_for_one_kind_of_call_is_answered_429_with_retry_after_and_nothing_else_is_affected()
    {
        await _app.CompleteSetupAsync();
        string busy, quiet;
        await using (var admin = _app.As(TestApp.AdminEmail))
        {
            busy = (await admin.Get<ApiKeyService>().CreateAsync("busy", RolePermissions.ApiScopes.ToList())).Value!;
            quiet = (await admin.Get<ApiKeyService>().CreateAsync("quiet", RolePermissions.ApiScopes.ToList())).Value!;
        }
        HttpClient Client(string key)
        {
            var client = _app.CreateBrowserlikeClient();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            return client;
        }

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) responses.Add(await Client(busy).GetAsync("/api/v1/users/someone/eligibility"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));

        var refused = responses[^1];
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)); // the rest of the minute
        Assert.Contains("3", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await Client(quiet).GetAsync("/api/v1/users/someone/eligibility")).StatusCode);
        var submission = await Client(busy).PostAsJsonAsync("/api/v1/verifications", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, submission.StatusCode); // its own allowance: answered, not limited

        _clock.Advance(retryAfter.Value);
        Assert.Equal(HttpStatusCode.OK, (await Client(busy).GetAsync("/api/v1/users/someone/eligibility")).StatusCode);
    }

    [Fact]
    public void The_defaults_let_a_platform_check_eligibility_on_every_publish()
    {
        var defaults = new ApiOptions();
        Assert.True(defaults.EligibilityRequestsPerMinute >= 6_000);
        Assert.True(defaults.SubmitRequestsPerMinute < defaults.EligibilityRequestsPerMinute);
    }

    public void Dispose() => _app.Dispose();
}
