using System.Net;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Setup;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Setup;

/// <summary>
/// A first deployment of two instances: both started at the same moment on an empty database and one empty data folder, as an
/// operator's service manager starts them. They must come up with one key ring and one setup, whichever instance a person reaches.
/// </summary>
public sealed class TwoInstancesFirstRunTests : IAsyncLifetime
{
    private readonly TestApp _first;
    private readonly TestApp _second;

    public TwoInstancesFirstRunTests()
    {
        var dataFolder = Directory.CreateTempSubdirectory("cc-test-").FullName;
        _first = new TestApp(dataFolderPath: dataFolder) { StartOnEmptyDatabase = true };
        // The first removes the shared folder and database when it is disposed, after this one.
        _second = new TestApp(dataFolderPath: dataFolder) { StartOnEmptyDatabase = true, KeepDataFolder = true };
    }

    public async ValueTask InitializeAsync()
    {
        using var start = new ManualResetEventSlim();
        var starting = new[] { _first, _second }.Select(app => Task.Run(() =>
        {
            start.Wait();
            _ = app.Services;
        })).ToList();
        start.Set();
        await Task.WhenAll(starting);
    }

    private Dictionary<string, string> SetupForm(string email) => new()
    {
        ["Input.Token"] = _first.SetupToken,
        ["Input.DisplayName"] = "王管理",
        ["Input.Email"] = email,
        ["Input.Password"] = TestApp.Password,
        ["Input.ConfirmPassword"] = TestApp.Password,
    };

    [Fact]
    public async Task Both_share_one_key_ring_and_setup_through_one_is_seen_by_the_other_at_once()
    {
        var onFirst = _first.CreateBrowserlikeClient();
        var onSecond = _second.CreateBrowserlikeClient();
        Assert.Equal("/setup", (await onSecond.GetAsync("/")).Headers.Location?.OriginalString);
        // Someone has the second instance's setup page open while someone else completes setup through the first.
        var lateForm = await Forms.FilledAsync(onSecond, "/setup", "setup", SetupForm("second@example.cn"));

        var done = await Forms.PostAsync(onFirst, "/setup", "setup", SetupForm(TestApp.AdminEmail));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var home = await onSecond.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location?.OriginalString); // not to /setup
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync("/setup")).StatusCode);
        var refused = await onSecond.PostAsync("/setup", lateForm);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("初始设置已经完成，第一个管理员已存在，未再创建账号。", await Forms.TextAsync(refused));
        Assert.False(File.Exists(Path.Combine(_first.DataFolderPath, SetupService.TokenFileName)));

        // One key ring: a sign-in cookie from one (its Data Protection key encrypted with the personal-data key) opens pages on
        // the other, personal data one encrypts the other reads, and the other verifies the audit chain the first extended.
        var cookies = new CookieContainer();
        var signIn = await Forms.PostAsync(_first.CreateDefaultClient(new CookieContainerHandler(cookies)), "/Account/Login", "login",
            new() { ["Input.Email"] = TestApp.AdminEmail, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _second.CreateDefaultClient(new CookieContainerHandler(cookies)).GetAsync("/staff")).StatusCode);
        var sealedName = _first.Services.GetRequiredService<PiiProtector>().Encrypt("张三");
        Assert.Equal("张三", _second.Services.GetRequiredService<PiiProtector>().Decrypt(sealedName));
        await using var auditor = _second.As(TestApp.AdminEmail);
        var verification = await auditor.Get<AuditChainVerifier>().VerifyAsync();
        Assert.True(verification.Intact, $"Broken at {verification.BrokenAtSequence}: {verification.Break}");

        await using var db = await ContextAsync();
        Assert.Equal([TestApp.AdminEmail], await db.Users.Select(u => u.Email).ToListAsync());
    }

    [Fact]
    public async Task Two_setups_at_the_same_moment_on_both_instances_create_one_administrator()
    {
        var token = _first.SetupToken;
        using var start = new ManualResetEventSlim();
        var setups = new[] { (_first, "first@example.cn"), (_second, "second@example.cn") }.Select(pair => Task.Run(async () =>
        {
            start.Wait();
            var setup = pair.Item1.Services.GetRequiredService<SetupService>();
            return (await setup.CompleteAsync(token, pair.Item2, "管理员", TestApp.Password, "127.0.0.1")).Outcome;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(setups);

        Assert.Equal([SetupOutcome.Completed, SetupOutcome.AlreadyCompleted], outcomes.Order());
        await using var db = await ContextAsync();
        var admin = Assert.Single(await db.Users.ToListAsync());
        var completion = Assert.Single(await db.Set<SetupCompletion>().ToListAsync());
        Assert.Equal(admin.Id, completion.AdministratorId);
        Assert.Equal(admin.Email, Assert.Single(await db.AuditEvents.Where(e => e.Action == AuditActions.SetupCompleted).ToListAsync()).ActorName);
        Assert.True(await _first.Services.GetRequiredService<SetupService>().IsCompletedAsync());
        Assert.True(await _second.Services.GetRequiredService<SetupService>().IsCompletedAsync());
    }

    private Task<AppDbContext> ContextAsync() => _first.Services.ReadContextAsync();

    public ValueTask DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        return ValueTask.CompletedTask;
    }
}
