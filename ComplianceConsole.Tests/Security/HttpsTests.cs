using System.Net;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// Deployed (Production, https required by default): no cookie ever leaves without <c>Secure</c>, and a browser that
/// reached the console over https, directly or through the TLS-ending proxy, is told to use nothing else (HSTS).
/// </summary>
public sealed class HttpsTests(HttpsTests.ProductionApp app) : IClassFixture<HttpsTests.ProductionApp>
{
    // One app for the class: its tests read headers and cookies of fresh clients, and sign in once (no failed attempt counts
    // towards the sign-in throttle), so nothing one leaves is seen by another.
    private const string Verifier = "verifier@example.cn";

    private HttpClient Client(string scheme) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://console.example.cn") });

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task Every_cookie_is_secure_even_when_the_request_came_as_plain_http()
    {
        var page = await Client("http").GetAsync("/Account/Login");
        Assert.NotEmpty(SetCookies(page));
        Assert.All(SetCookies(page), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        var signIn = await Forms.PostAsync(Client("https"), "/Account/Login", "login", new() { ["Input.Email"] = Verifier, ["Input.Password"] = TestApp.Password });
        var authCookie = Assert.Single(SetCookies(signIn), c => c.StartsWith("cc-auth="));
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Https_directly_or_through_the_proxy_is_answered_with_HSTS_and_plain_http_is_not()
    {
        Assert.True((await Client("https").GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));

        var throughProxy = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        throughProxy.Headers.Add("X-Forwarded-Proto", "https");
        Assert.True((await Client("http").SendAsync(throughProxy)).Headers.Contains("Strict-Transport-Security"));

        Assert.False((await Client("http").GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_proxy_in_a_trusted_network_is_believed_and_one_outside_it_is_not()
    {
        async Task<bool> ToldToUseHttps(string proxy)
        {
            var answer = await app.Server.SendAsync(context =>
            {
                context.Request.Method = "GET";
                context.Request.Scheme = "http";
                context.Request.Host = new Microsoft.AspNetCore.Http.HostString("console.example.cn");
                context.Request.Path = "/Account/Login";
                context.Request.Headers["X-Forwarded-Proto"] = "https";
                context.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
            });
            return answer.Response.Headers.ContainsKey("Strict-Transport-Security");
        }

        Assert.True(await ToldToUseHttps("10.0.0.7"));
        Assert.False(await ToldToUseHttps("10.0.1.7"));
    }

    [Fact]
    public async Task Signing_out_without_a_valid_antiforgery_token_is_a_bad_request_not_a_server_error()
    {
        var response = await Client("https").PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单已失效", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The app as deployed (Production), set up with a verifier, shared by the class.</summary>
    public sealed class ProductionApp() : TestApp(new Dictionary<string, string> { [$"{HttpsRequirement.TrustedProxiesKey}:0"] = "10.0.0.0/24" }), IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            await CompleteSetupAsync();
            await CreateStaffAsync(Verifier, Roles.Verifier);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
