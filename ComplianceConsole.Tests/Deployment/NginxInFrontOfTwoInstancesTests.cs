using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Deployment;

/// <summary>
/// The README's deployment: Debian's nginx with the README's sample (<see cref="NginxServer"/>) in front of two instances as
/// deployed (Production, the forwarded headers of nginx on loopback believed by default) on one PostgreSQL database, reached
/// over https as a browser and the platform reach them. Each instance names itself in a header of the tests' own making.
/// </summary>
public sealed class NginxInFrontOfTwoInstances : IAsyncLifetime
{
    public const string Verifier = "verifier@example.cn";

    public NamedInstance First { get; private set; } = null!;
    public NamedInstance Second { get; private set; } = null!;
    public NginxServer Nginx { get; private set; } = null!;
    public string ApiKey { get; private set; } = "";

    public bool Started => Nginx is not null;

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.IsPostgreSql || !File.Exists(NginxServer.Program)) return;
        First = NamedInstance.Start("first", new Dictionary<string, string>());
        await First.CompleteSetupAsync();
        await First.CreateStaffAsync(Verifier, Roles.Verifier);
        await using (var admin = First.As(TestApp.AdminEmail))
        {
            ApiKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        }
        Second = NamedInstance.Start("second", First.AnotherInstanceSettings());
        Nginx = NginxServer.InFrontOf(First.Address, Second.Address);
        await Nginx.StartAsync();
    }

    public ValueTask DisposeAsync()
    {
        Nginx?.Dispose();
        // The second first: the first drops the shared database.
        Second?.Dispose();
        First?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// An instance as deployed (Production) on Kestrel at 127.0.0.1, naming itself (<see cref="Header"/>) and the connection
    /// the request came on (<see cref="ConnectionHeader"/>) on every answer.
    /// </summary>
    public sealed class NamedInstance(string name, IReadOnlyDictionary<string, string> settings) : TestApp(settings)
    {
        public const string Header = "X-Test-Instance", ConnectionHeader = "X-Test-Connection";

        public string Address { get; private set; } = "";

        public static NamedInstance Start(string name, IReadOnlyDictionary<string, string> settings)
        {
            var instance = new NamedInstance(name, settings);
            var port = FreePort();
            instance.UseKestrel(port);
            instance.StartServer();
            instance.Address = $"127.0.0.1:{port}";
            return instance;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new NamesItself(name)));
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private sealed class NamesItself(string name) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    context.Response.Headers[Header] = name;
                    context.Response.Headers[ConnectionHeader] = context.Connection.Id;
                    return following();
                });
                next(app);
            };
        }
    }
}

public sealed class NginxInFrontOfTwoInstancesTests(NginxInFrontOfTwoInstances deployment) : IClassFixture<NginxInFrontOfTwoInstances>
{
    private const string SqliteSkip = "Several instances share a PostgreSQL database; SQLite is one instance by design.";

    private NginxServer Nginx => deployment.Nginx;

    private void RequireDeployment()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        ExternalTools.Require(NginxServer.Program, NginxServer.DebianPackage);
        Assert.True(deployment.Started);
    }

    private static string AnsweredBy(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues(NginxInFrontOfTwoInstances.NamedInstance.Header));

    /// <summary>The instance and the connection from nginx to it that a request came on.</summary>
    private static string ConnectionOf(HttpResponseMessage response) =>
        AnsweredBy(response) + " " + Assert.Single(response.Headers.GetValues(NginxInFrontOfTwoInstances.NamedInstance.ConnectionHeader));

    [Fact]
    public async Task Signing_in_through_nginx_stays_on_its_https_address_and_the_cookie_is_secure()
    {
        RequireDeployment();
        var browser = Nginx.Client(new CookieContainer());

        var staffPage = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.StartsWith($"{Nginx.BaseAddress}Account/Login", staffPage.Headers.Location?.AbsoluteUri);

        var signIn = await Forms.PostAsync(browser, "/Account/Login", "login",
            new() { ["Input.Email"] = NginxInFrontOfTwoInstances.Verifier, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var next = new Uri(Nginx.BaseAddress, signIn.Headers.Location!);
        Assert.Equal(Nginx.BaseAddress.GetLeftPart(UriPartial.Authority), next.GetLeftPart(UriPartial.Authority));
        var authCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("cc-auth="));
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);

        var signedIn = await browser.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task Each_browser_keeps_to_one_instance_and_browsers_spread_over_both()
    {
        RequireDeployment();
        var instances = new List<string>();
        var connections = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var browser = Nginx.Client(new CookieContainer());
            var answers = new List<string>();
            for (var page = 0; page < 3; page++)
            {
                var answer = await browser.GetAsync("/Account/Login");
                answers.Add(AnsweredBy(answer));
                connections.Add(ConnectionOf(answer));
            }
            instances.Add(Assert.Single(answers.Distinct()));
        }
        Assert.Equal(["first", "second"], instances.Distinct().Order());
        // One request after another: nginx kept its connection to each instance open for the next ("Connection: close" did not).
        Assert.Equal(2, connections.Count);
    }

    [Fact]
    public async Task An_open_page_s_WebSocket_reaches_the_instance_that_negotiated_it_through_nginx()
    {
        RequireDeployment();
        var cookies = new CookieContainer();
        var browser = Nginx.Client(cookies);
        var page = await browser.GetAsync("/Account/Login");
        var negotiated = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.Equal(AnsweredBy(page), AnsweredBy(negotiated));
        var token = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        // Only the instance that negotiated the connection knows its token: the upgrade must reach that one.
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        socket.Options.RemoteCertificateValidationCallback = Nginx.IsThisCertificate;
        await socket.ConnectAsync(new Uri($"wss://127.0.0.1:{Nginx.HttpsPort}/_blazor?id={token}"), TestContext.Current.CancellationToken);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Api_calls_through_nginx_are_shared_by_both_instances_even_from_a_client_with_a_route_cookie()
    {
        RequireDeployment();
        var cookies = new CookieContainer();
        var platform = Nginx.Client(cookies);
        await platform.GetAsync("/Account/Login"); // now holds a page route
        platform.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, deployment.ApiKey);

        var instances = new List<string>();
        var connections = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            var answer = await platform.GetAsync("/api/v1/users/someone/eligibility");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            instances.Add(AnsweredBy(answer));
            connections.Add(ConnectionOf(answer));
        }
        Assert.Equal(["first", "second"], instances.Distinct().Order());
        Assert.Equal(2, connections.Count); // each instance's calls on one kept-alive connection

    }
}
