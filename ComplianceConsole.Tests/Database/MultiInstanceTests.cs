using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as behind a load balancer: each with a data folder of its own, the
/// same key files and the same clock (so both count the same minute). On SQLite there is one instance by design.
/// </summary>
public sealed class TwoInstances : ReviewApp
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        [$"{ApiOptions.Section}:{nameof(ApiOptions.EligibilityRequestsPerMinute)}"] = "3",
        [$"{ApiOptions.Section}:{nameof(ApiOptions.SubmitRequestsPerMinute)}"] = "600",
        // A job queued on one instance is found by the other's next look at the shared store.
        ["Quartz:Scheduler:IdleWaitTime"] = "00:00:01",
    };

    public TwoInstances() : base(Settings)
    {
    }

    protected override int ReviewerCount => 10;

    /// <summary>The second instance (the first is <see cref="ReviewApp.App"/>).</summary>
    public TestApp Other { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        if (!TestDatabase.IsPostgreSql) return;
        await base.InitializeAsync();
        Other = new ClockedTestApp(Clock, new Dictionary<string, string>(Settings).Concat(App.AnotherInstanceSettings()).ToDictionary());
        _ = Other.Services;
    }

    public override async ValueTask DisposeAsync()
    {
        // The second first: the first drops the shared database.
        Other?.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class MultiInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const string SqliteSkip = "Several instances share a PostgreSQL database; SQLite is one instance by design.";

    private TestApp First => instances.App;
    private TestApp Second => instances.Other;

    [Fact]
    public async Task Simultaneous_claims_of_one_case_from_both_instances_give_it_to_exactly_one_reviewer()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var id = await instances.AddCaseAsync(TimeSpan.FromHours(2), FlagSource.UserComplaint);

        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = (i % 2 == 0 ? First : Second).As(ReviewApp.ReviewerEmail(i));
            return await scope.Get<ReviewClaims>().ClaimAsync(id);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Outcome == ClaimOutcome.Claimed);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal((ClaimOutcome.HeldByOther, winner.HolderName), (r.Outcome, r.HolderName)));
        Assert.Equal(winner.HolderName, (await instances.CaseAsync(id)).ClaimedByName);
        await using var db = await instances.ContextAsync();
        Assert.Equal(1, await db.ReviewCaseEvents.CountAsync(e => e.ReviewCaseId == id && e.Kind == ReviewCaseEventKind.Claimed));
    }

    [Fact]
    public async Task Audit_events_written_on_both_instances_at_once_form_one_unbroken_chain()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        await First.Services.ChainAuditAsync();
        await using var db = await instances.ContextAsync();
        var before = await db.AuditEvents.CountAsync();

        using var start = new ManualResetEventSlim();
        var writes = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var app = i % 2 == 0 ? First : Second;
            await app.Services.GetRequiredService<AuditTrail>().RecordAsync(app.Services.GetRequiredService<IDbContextFactory<Data.AppDbContext>>(),
                new AuditActor(null, $"instance-{i % 2}"), "test.concurrent", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        })).ToList();
        start.Set();
        await Task.WhenAll(writes);

        await Second.Services.ChainAuditAsync(); // chains what both wrote
        Assert.Equal(before + 60, await db.AuditEvents.CountAsync());
        await using var auditor = Second.As(ReviewApp.Auditor);
        var verification = await auditor.Get<AuditChainVerifier>().VerifyAsync();
        Assert.True(verification.Intact, $"Broken at {verification.BrokenAtSequence}: {verification.Break}");
        Assert.Equal(await db.AuditEvents.CountAsync(), verification.EventsChecked);
    }

    [Fact]
    public async Task Jobs_queued_on_one_instance_run_once_on_the_other_while_the_first_holds_its_jobs()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var held = await First.HoldJobsAsync();
        try
        {
            var ids = new List<long>();
            await using (var auditor = First.As(ReviewApp.Auditor))
            {
                for (var i = 0; i < 4; i++)
                {
                    ids.Add(await auditor.Get<JobQueue>().EnqueueAsync(AuditChainVerificationJob.Kind, new ChainVerificationInput(), [], 0));
                }
            }
            // Quartz keeps the instances' (stopped) clock but dates a trigger "now" by the real one: the clock catches up.
            instances.Clock.Advance(DateTimeOffset.UtcNow - instances.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
            foreach (var id in ids) Assert.Equal(JobStatus.Succeeded, (await Second.WaitForJobAsync(ReviewApp.Auditor, id)).Status);
        }
        finally
        {
            await held.Start();
        }
        // Each verification records one event when it runs: run twice, a job would have recorded two.
        await First.Services.ChainAuditAsync();
        await using var db = await instances.ContextAsync();
        var started = await db.JobRecords.Where(j => j.Kind == AuditChainVerificationJob.Kind.Name).CountAsync();
        Assert.Equal(started, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ChainVerified));
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_accepted_by_the_other()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var cookies = new CookieContainer();
        var onFirst = First.CreateDefaultClient(new CookieContainerHandler(cookies));
        var login = await Forms.PostAsync(onFirst, "/Account/Login", "login",
            new() { ["Input.Email"] = ReviewApp.Auditor, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var onSecond = Second.CreateDefaultClient(new CookieContainerHandler(cookies));
        var page = await onSecond.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var anonymous = await Second.CreateDefaultClient().GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // the page does need the cookie
    }

    [Fact]
    public async Task A_queue_update_on_one_instance_reaches_a_subscriber_on_the_other()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var heard = new ConcurrentQueue<ReviewCaseChanged>();
        using var subscription = Second.Services.GetRequiredService<ILiveNotifier>().Subscribe<ReviewCaseChanged>(heard.Enqueue);
        await WaitUntilListeningAsync();
        var id = await instances.AddCaseAsync(TimeSpan.FromHours(3), FlagSource.UserComplaint);

        await using (var reviewer = First.As(ReviewApp.ReviewerEmail(1)))
        {
            Assert.True((await reviewer.Get<ReviewClaims>().ClaimAsync(id)).Succeeded);
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!heard.Any(m => m.CaseId == id) && DateTime.UtcNow < deadline) await Task.Delay(20);
        var message = Assert.Single(heard, m => m.CaseId == id);
        Assert.Equal(instances.Reviewers[1].Id, message.ClaimedById);
    }

    [Fact]
    public async Task An_API_key_s_calls_are_counted_across_both_instances()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        string key;
        await using (var admin = First.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync("shared", RolePermissions.ApiScopes.ToList())).Value!;
        }
        HttpClient Client(TestApp app)
        {
            var client = app.CreateBrowserlikeClient();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            return client;
        }

        // Three a minute: two on the first instance, one on the second, and the fourth is refused wherever it goes.
        var answers = new List<HttpStatusCode>();
        foreach (var app in (TestApp[])[First, First, Second, Second, First])
        {
            answers.Add((await Client(app).GetAsync("/api/v1/users/someone/eligibility")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);

        // Counted in an unlogged table: the busiest row of all costs no flush to disk per call.
        await using var db = await First.Services.ReadContextAsync();
        var persistence = await db.Database.SqlQuery<char>($"""SELECT relpersistence AS "Value" FROM pg_class WHERE relname = 'ApiRateWindows'""").SingleAsync();
        Assert.Equal('u', persistence);
    }

    [Fact]
    public async Task A_busy_key_s_allowance_taken_in_blocks_on_both_instances_at_once_allows_exactly_the_allowance()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var clients = await SubmittersAsync("busy");

        // 700 submissions in a minute allowed 600: four callers at once, each turn to the other instance.
        var answers = new ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(lane => Task.Run(async () =>
        {
            for (var call = 0; call < 175; call++) answers.Add(await SubmitAsync(clients[(lane + call) % 2]));
        })));
        Assert.Equal(600, answers.Count(a => a == HttpStatusCode.BadRequest));
        Assert.Equal(100, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task An_instance_that_took_its_block_long_ago_is_given_no_more_than_the_allowance_left()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var clients = await SubmittersAsync("by turns");

        // The first instance takes blocks and goes quiet; the second spends most of the allowance; the first comes back with
        // an old idea of what is left and must be given only that; then the second spends what it still holds.
        var allowed = 0;
        foreach (var (client, calls) in new[] { (0, 100), (1, 450), (0, 300), (1, 100) })
        {
            for (var call = 0; call < calls; call++)
            {
                if (await SubmitAsync(clients[client]) == HttpStatusCode.BadRequest) allowed++;
            }
        }
        Assert.Equal(600, allowed);
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_on_the_other_once_its_look_up_there_has_aged_out()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var clients = await SubmittersAsync("revoked elsewhere");
        // The first use is recorded, and the key looked up again by the next call, which the second instance then keeps.
        for (var call = 0; call < 2; call++) Assert.Equal(HttpStatusCode.BadRequest, await SubmitAsync(clients[1]));

        var revoking = Stopwatch.StartNew();
        await using (var admin = First.As(TestApp.AdminEmail))
        {
            var keys = admin.Get<ApiKeyService>();
            var row = (await keys.ListAsync()).Single(k => k.Name == "revoked elsewhere");
            Assert.True((await keys.RevokeAsync(row.Id)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitAsync(clients[0]));

        // The second instance looked the key up before the revocation began; no later than the look-up's lifetime after, it refuses.
        if (ApiKeyCache.Lifetime > revoking.Elapsed) await Task.Delay(ApiKeyCache.Lifetime - revoking.Elapsed);
        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitAsync(clients[1]));
    }

    private async Task<HttpClient[]> SubmittersAsync(string keyName)
    {
        string key;
        await using (var admin = First.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync(keyName, RolePermissions.ApiScopes.ToList())).Value!;
        }
        return [.. new[] { First, Second }.Select(app =>
        {
            var client = app.CreateBrowserlikeClient();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            return client;
        })];
    }

    /// <summary>An empty submission: answered 400 when the allowance lets it through (counted as any call is), 429 when not.</summary>
    private static async Task<HttpStatusCode> SubmitAsync(HttpClient client) =>
        (await client.PostAsJsonAsync("/api/v1/verifications", new { items = Array.Empty<object>() })).StatusCode;

    /// <summary>The second instance's LISTEN connection opens in the background: probes from the first until one gets through.</summary>
    private async Task WaitUntilListeningAsync()
    {
        var probe = Guid.NewGuid();
        var arrived = new TaskCompletionSource();
        using var listening = Second.Services.GetRequiredService<ILiveNotifier>().Subscribe<ListeningProbe>(p =>
        {
            if (p.Id == probe) arrived.TrySetResult();
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!arrived.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            First.Services.GetRequiredService<ILiveNotifier>().Publish(new ListeningProbe(probe));
            await Task.WhenAny(arrived.Task, Task.Delay(200));
        }
        Assert.True(arrived.Task.IsCompleted, "The second instance never heard the first.");
    }

    public sealed record ListeningProbe(Guid Id);
}
