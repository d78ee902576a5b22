using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

/// <summary>
/// The app on PostgreSQL through a <see cref="DatabaseOutageProxy"/>, so that it alone sees the server restart: every connection
/// reset, new ones refused until the server is back. Two retries (about 1 s, then 3 s) keep the tests short.
/// </summary>
public sealed class DatabaseOutageApp : IAsyncLifetime
{
    public const string Reviewer = "outage.reviewer@example.cn";

    public DatabaseOutageProxy Proxy { get; private set; } = null!;
    public TestApp App { get; private set; } = null!;
    public string ApiKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.IsPostgreSql) return;
        Proxy = new DatabaseOutageProxy(PostgreSqlTestServer.Current.AdminConnectionString);
        App = new ProxiedApp(Proxy);
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await using var admin = App.As(TestApp.AdminEmail);
        ApiKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
    }

    public ValueTask DisposeAsync()
    {
        Proxy?.ComeBack();
        App?.Dispose();
        Proxy?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class ProxiedApp(DatabaseOutageProxy proxy) : TestApp(new Dictionary<string, string> { [TransientFailures.RetriesKey] = "2" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", proxy.Through(builder.GetSetting("ConnectionStrings:Default")!));
        }
    }
}

public sealed class DatabaseOutageTests(DatabaseOutageApp outage) : IClassFixture<DatabaseOutageApp>
{
    private const string SqliteSkip = "A database server restarts; SQLite is a file in the app's own process.";
    private const string Reviewer = DatabaseOutageApp.Reviewer;
    private static readonly ReviewDecisionRequest Removal = new(DecisionOutcome.Removed, "rumour", "AI 合成的虚假视频");

    private TestApp App => outage.App;
    private DatabaseOutageProxy Proxy => outage.Proxy;

    private async Task<long> HeldCaseAsync(string contentId)
    {
        var caseId = await ReviewDecisionApp.CreateCaseAsync(App.Services, contentId, "author-" + contentId, MediaType.Text, null);
        await using var reviewer = App.As(Reviewer);
        Assert.True((await reviewer.Get<ReviewClaims>().ClaimAsync(caseId)).Succeeded);
        return caseId;
    }

    [Fact]
    public async Task PostgreSQL_restarted_during_a_decision_the_decision_is_saved_once_after_the_retry()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var caseId = await HeldCaseAsync("outage-saved");
        await using var reviewer = App.As(Reviewer);
        var version = await reviewer.Get<ReviewCaseQueryService>().VersionAsync(caseId);

        Proxy.GoDown();
        var deciding = reviewer.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, Removal);
        await Proxy.WaitForRefusalsAsync(1); // the first try failed and a retry found the server still down
        Proxy.ComeBack();

        Assert.True((await deciding).Succeeded);
        await using var db = await App.Services.ReadContextAsync();
        Assert.Equal(ReviewCaseState.Decided, (await db.ReviewCases.SingleAsync(c => c.Id == caseId, TestContext.Current.CancellationToken)).State);
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.ReviewCaseId == caseId, TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ReviewCaseDecided && e.TargetId == caseId.ToString(),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PostgreSQL_down_longer_than_the_retries_the_person_keeps_the_draft_and_decides_once_it_is_back()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var caseId = await HeldCaseAsync("outage-draft");
        var draft = new CaseDraft { Decision = new DecisionForm { Outcome = DecisionOutcome.Removed, ReasonCode = "rumour", Note = "AI 合成的虚假视频" } };
        await using (var reviewer = App.As(Reviewer)) await reviewer.Get<ReviewDraftService>().SaveAsync(caseId, draft);

        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var reviewer = App.As(Reviewer);
            var version = await reviewer.Get<ReviewCaseQueryService>().VersionAsync(caseId);
            Proxy.GoDown();
            try
            {
                await reviewer.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, Removal);
            }
            finally
            {
                Proxy.ComeBack();
            }
        });

        Assert.True(TransientFailures.IsTransient(failure), $"not a transient failure: {failure}"); // the page says so and keeps the form
        await using (var reviewer = App.As(Reviewer))
        {
            var kept = await reviewer.Get<ReviewDraftService>().GetAsync(caseId);
            Assert.Equal("AI 合成的虚假视频", kept?.Decision?.Note);
            var version = await reviewer.Get<ReviewCaseQueryService>().VersionAsync(caseId);
            Assert.True((await reviewer.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, Removal)).Succeeded);
        }
        await using var db = await App.Services.ReadContextAsync();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.ReviewCaseId == caseId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task During_an_outage_the_api_answers_503_with_retry_after_and_a_signed_in_page_a_readable_503_page()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var page = await App.SignInAsync(Reviewer);
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, outage.ApiKey);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        Proxy.GoDown();
        HttpResponseMessage answer, shown;
        try
        {
            answer = await api.GetAsync("/api/v1/users/outage-user/eligibility", TestContext.Current.CancellationToken);
            shown = await page.GetAsync("/review", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            Proxy.ComeBack();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), answer.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("The database is briefly unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, shown.StatusCode);
        Assert.NotNull(shown.Headers.RetryAfter);
        Assert.Contains("数据库暂时不可用", await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/review", TestContext.Current.CancellationToken)).StatusCode); // and back
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
    }
}
