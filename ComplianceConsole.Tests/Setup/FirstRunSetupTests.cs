using System.Net;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Setup;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Setup;

public sealed class FirstRunSetupTests : IDisposable
{
    private readonly TestApp _app = new() { StartOnEmptyDatabase = true };

    private Dictionary<string, string> Form(string token) => new()
    {
        ["Input.Token"] = token,
        ["Input.DisplayName"] = "王管理",
        ["Input.Email"] = TestApp.AdminEmail,
        ["Input.Password"] = TestApp.Password,
        ["Input.ConfirmPassword"] = TestApp.Password,
    };

    [Fact]
    public async Task Migrations_create_the_whole_schema_on_an_empty_database()
    {
        var client = _app.CreateBrowserlikeClient();
        await client.GetAsync("/healthz");
        await using var db = await _app.Services.ReadContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("", (await db.ProviderSettings.SingleAsync()).ProviderName);
        if (db.Database.IsSqlite()) Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single());
    }

    [Fact]
    public async Task Before_setup_every_page_leads_to_setup_and_the_token_is_in_the_data_folder()
    {
        var client = _app.CreateBrowserlikeClient();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        Assert.Matches("^[A-Z2-9]{24}$", _app.SetupToken);
        Assert.True(File.Exists(Path.Combine(_app.DataFolderPath, "pii-keys.json")), "the key file exists from the first start, to be backed up");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var styles = await client.GetAsync("/ComplianceConsole.styles.css");
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode); // files a page loads are never sent to setup
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_creates_nobody()
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await Forms.PostAsync(client, "/setup", "setup", Form("WRONGWRONGWRONGWRONGWRON"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("设置令牌不正确", await Forms.TextAsync(response));
        Assert.False(await _app.Services.GetRequiredService<SetupService>().IsCompletedAsync());
        await using var db = await _app.Services.ReadContextAsync();
        Assert.Empty(db.Users);
    }

    [Fact]
    public async Task The_right_token_creates_the_first_administrator_once_and_then_setup_is_gone()
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await Forms.PostAsync(client, "/setup", "setup", Form(_app.SetupToken.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("Account/Login", response.Headers.Location?.OriginalString);
        var login = await client.GetAsync("/Account/Login");
        Assert.Contains("第一个管理员已创建，请登录。", await Forms.TextAsync(login)); // told that it worked, as success
        Assert.Contains("alert-success", await login.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        Assert.False(File.Exists(Path.Combine(_app.DataFolderPath, SetupService.TokenFileName)));

        var admin = await _app.SignInAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/staff")).StatusCode);

        await using var db = await _app.Services.ReadContextAsync();
        var setupEvent = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SetupCompleted);
        Assert.Equal(TestApp.AdminEmail, setupEvent.ActorName);
        Assert.Contains("Administrator", setupEvent.Details);
    }

    [Fact]
    public async Task A_setup_that_finds_the_completion_row_taken_by_another_creates_nobody_and_says_so()
    {
        // What a setup on another instance leaves for this one to find, mid-way (its administrator not yet visible here).
        await using (var db = await _app.Services.ReadContextAsync())
        {
            db.Add(new SetupCompletion { AdministratorId = "elsewhere", CompletedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var response = await Forms.PostAsync(_app.CreateBrowserlikeClient(), "/setup", "setup", Form(_app.SetupToken));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("初始设置已经完成，第一个管理员已存在，未再创建账号。", await Forms.TextAsync(response));
        await using var check = await _app.Services.ReadContextAsync();
        Assert.Empty(check.Users);
        Assert.False(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.SetupCompleted));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_rules_it_breaks()
    {
        var client = _app.CreateBrowserlikeClient();
        var form = Form(_app.SetupToken);
        form["Input.Password"] = form["Input.ConfirmPassword"] = "short";
        var text = await Forms.TextAsync(await Forms.PostAsync(client, "/setup", "setup", form));
        Assert.Contains("密码至少需要 12 个字符", text);
        Assert.Contains("大写字母", text);
        Assert.False(await _app.Services.GetRequiredService<SetupService>().IsCompletedAsync());
    }

    public void Dispose() => _app.Dispose();
}
