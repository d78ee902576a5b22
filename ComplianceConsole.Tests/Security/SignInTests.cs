using System.Net;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

public sealed class SignInTests : SetUpAppTest
{
    private const string Verifier = "verifier@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
    }

    private Task<HttpResponseMessage> TryAsync(HttpClient client, string password) =>
        Forms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = Verifier, ["Input.Password"] = password });

    private async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = await App.Services.ReadContextAsync();
        return await db.AuditEvents.Where(e => e.ActorName == Verifier).OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_recorded()
    {
        var response = await TryAsync(App.CreateBrowserlikeClient(), "Wrong-Password-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("电子邮箱或密码不正确", await Forms.TextAsync(response));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("alert-danger", html); // styled as the error it is
        Assert.DoesNotContain("alert-success", html);
        Assert.Equal([AuditActions.SignInFailed], (await EventsAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var client = App.CreateBrowserlikeClient();
        for (var i = 0; i < StaffIdentity.MaxFailedSignIns - 1; i++) await TryAsync(client, "Wrong-Password-1");
        var locking = await TryAsync(client, "Wrong-Password-1");
        Assert.EndsWith("Account/Lockout", locking.Headers.Location?.OriginalString);

        var rightPassword = await TryAsync(client, TestApp.Password);
        Assert.EndsWith("Account/Lockout", rightPassword.Headers.Location?.OriginalString);
        Assert.Contains(AuditActions.LockedOut, (await EventsAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_successful_sign_in_is_recorded_and_the_home_page_shows_the_roles()
    {
        var client = await App.SignInAsync(Verifier);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var text = await Forms.TextAsync(home);
        Assert.Contains("实名审核员", text);
        Assert.Equal(AuditActions.SignInSucceeded, (await EventsAsync()).Last().Action);
    }

    [Fact]
    public async Task A_chosen_language_is_remembered_on_the_account_and_restored_at_the_next_sign_in()
    {
        var client = await App.SignInAsync(Verifier);
        await client.GetAsync("/preferences/culture?culture=en&returnUrl=%2F");

        var elsewhere = await App.SignInAsync(Verifier);
        var text = await Forms.TextAsync(await elsewhere.GetAsync("/"));
        Assert.Contains("Your roles", text);
        Assert.Contains("Verifier", text);
    }
}
