using System.Net;
using System.Net.Http.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>One signed-in client per role, shared by the sweep.</summary>
public sealed class SweepApp : IAsyncLifetime
{
    public TestApp App { get; } = new();
    public Dictionary<string, HttpClient> ClientsByRole { get; } = [];

    /// <summary>One API key per scope, each holding that scope alone.</summary>
    public Dictionary<string, string> ApiKeysByScope { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}@sweep.example.cn";
            await App.CreateStaffAsync(email, role);
            ClientsByRole[role] = await App.SignInAsync(email);
        }
        await using var admin = App.As(TestApp.AdminEmail);
        foreach (var scope in RolePermissions.ApiScopes)
        {
            ApiKeysByScope[scope] = (await admin.Get<ApiKeyService>().CreateAsync($"sweep {scope}", [scope])).Value!;
        }
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Every routed page and endpoint, discovered from the running app (not listed by hand), is requested anonymously
/// and as each role: anonymous callers are sent to sign in, roles without the permission are refused.
/// </summary>
public sealed class AuthorizationSweepTests(SweepApp sweep) : IClassFixture<SweepApp>
{
    private List<DiscoveredRoute> DiscoverRoutes() => RouteDiscovery.Discover(sweep.App.Services, ConcretePath);

    // Route parameters get a value that names nothing; the answer must still respect authorisation.
    private static string ConcretePath(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}:]+(:(?<constraint>[a-z]+))?[^}]*\}", match => match.Groups["constraint"].Value switch
        {
            "long" or "int" => "1",
            "guid" => "00000000-0000-0000-0000-000000000001",
            _ => "no-such-thing",
        });

    private static bool SentToSignIn(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Unauthorized
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));

    private static bool Denied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/access-denied", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_refused_page_leads_to_the_access_denied_page_which_answers_403_inside_the_navigation()
    {
        var auditor = sweep.ClientsByRole[Roles.Auditor];
        var refused = await auditor.GetAsync("/staff");
        Assert.True(Denied(refused));
        var page = await auditor.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("mud-navmenu", html);
        Assert.Contains("href=\"audit\"", html); // the auditor's own pages stay one click away
    }

    [Fact]
    public void The_sweep_finds_the_pages_it_must_protect()
    {
        var paths = DiscoverRoutes().Select(r => r.Path).ToList();
        Assert.Contains("/staff", paths);
        Assert.Contains("/settings", paths);
        Assert.Contains("/audit", paths);
        Assert.Contains("/jobs", paths);
        Assert.Contains("/review", paths);
        Assert.Contains("/jobs/1/files/no-such-thing", paths);
        Assert.Contains("/", paths);
        Assert.Contains("/Account/Manage", paths);
        Assert.Contains("/review/library", paths);
        Assert.Contains("/review/library/test", paths);
        Assert.Contains("/review/library/import", paths);
        Assert.Contains("/review/time-limits", paths);
        Assert.Contains("/review/calendar", paths);
        Assert.Contains("/review/find", paths);
        Assert.Contains("/webhooks", paths);
        Assert.Contains("/webhooks/1", paths);
        Assert.Contains("/dashboard", paths);
        Assert.Superset(new HashSet<string> { "/exports", "/exports/history", "/exports/schedules", "/exports/verify", "/exports/1/file", "/api/v1/exports/verify" },
            paths.ToHashSet());
    }

    [Fact]
    public void Every_route_either_allows_anonymous_callers_on_purpose_or_requires_sign_in()
    {
        var undecided = DiscoverRoutes()
            .Where(r => !r.AllowsAnonymous)
            .Where(r => !RequiresAuthorization(r.Path))
            .Select(r => r.Path)
            .ToList();
        Assert.Empty(undecided);
    }

    private bool RequiresAuthorization(string path) => sweep.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => ConcretePath("/" + (e.RoutePattern.RawText ?? "").TrimStart('/')) == path)
        .Any(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null);

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in_for_every_protected_route()
    {
        var anonymous = sweep.App.CreateBrowserlikeClient();
        foreach (var route in DiscoverRoutes().Where(r => !r.AllowsAnonymous))
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path));
            Assert.True(SentToSignIn(response), $"{route.Method} {route.Path}: anonymous got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Staff_sign_ins_never_open_the_platform_api()
    {
        var apiRoutes = DiscoverRoutes().Where(r => r.IsApi).ToList();
        Assert.NotEmpty(apiRoutes);
        foreach (var route in apiRoutes)
        {
            foreach (var (role, client) in sweep.ClientsByRole)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = JsonContent.Create(new { }) });
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{role} reached {route.Method} {route.Path} with a staff cookie: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Each_api_key_reaches_exactly_the_routes_its_scopes_allow()
    {
        foreach (var route in DiscoverRoutes().Where(r => r.IsApi))
        {
            foreach (var (scope, key) in sweep.ApiKeysByScope)
            {
                var client = sweep.App.CreateBrowserlikeClient();
                client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = JsonContent.Create(new { items = Array.Empty<object>() }) });
                if (route.Policies.Contains(scope))
                    Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"key with {scope} was refused {route.Path}: {(int)response.StatusCode}");
                else
                    Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_routes_its_permissions_allow()
    {
        var checkedRoutes = 0;
        foreach (var route in DiscoverRoutes().Where(r => r.Method == HttpMethods.Get && !r.AllowsAnonymous && !r.IsApi))
        {
            foreach (var (role, client) in sweep.ClientsByRole)
            {
                var allowed = route.Policies.All(policy => RolePermissions.Grants([role], policy));
                var response = await client.GetAsync(route.Path);
                if (allowed)
                    Assert.False(Denied(response) || SentToSignIn(response), $"{role} was refused {route.Path}: {(int)response.StatusCode} {response.Headers.Location}");
                else
                    Assert.True(Denied(response), $"{role} reached {route.Path} without its permission: {(int)response.StatusCode}");
                checkedRoutes++;
            }
        }
        Assert.True(checkedRoutes >= 5 * Roles.All.Count);
    }
}
