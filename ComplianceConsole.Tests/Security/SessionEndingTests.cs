using System.Net;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// A change that matters for security ends the person's existing sessions at their very next request: a stolen or
/// copied cookie, or a session left open on another computer, can do nothing after it.
/// </summary>
public sealed class SessionEndingTests : SetUpAppTest
{
    private const string Reviewer = "reviewer@example.cn";
    private string _reviewerId = "";

    protected override async Task ArrangeAsync() => _reviewerId = await App.CreateStaffAsync(Reviewer, Roles.Reviewer);

    /// <summary>A client signed in as the reviewer, and a second client carrying a copy of its sign-in cookie only.</summary>
    private async Task<(HttpClient Session, HttpClient Copy)> SignedInWithCopyAsync()
    {
        var cookies = new CookieContainer();
        var session = App.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signIn = await Forms.PostAsync(session, "/Account/Login", "login", new() { ["Input.Email"] = Reviewer, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var copy = App.CreateDefaultClient();
        copy.DefaultRequestHeaders.Add("Cookie", $"cc-auth={cookies.GetCookies(App.Server.BaseAddress)["cc-auth"]!.Value}");
        await AssertOpensPagesAsync(copy);
        return (session, copy);
    }

    private static async Task AssertOpensPagesAsync(HttpClient client) => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

    private static async Task AssertSentToSignInAsync(HttpClient client, string path = "/")
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location?.OriginalString);
    }

    private async Task AsAdminAsync(Func<StaffService, Task<bool>> change)
    {
        await using var scope = App.As(TestApp.AdminEmail);
        Assert.True(await change(scope.Get<StaffService>()));
    }

    [Fact]
    public async Task After_a_two_factor_reset_the_old_session_cannot_enrol_its_own_authenticator_and_is_sent_to_sign_in()
    {
        var (session, _) = await SignedInWithCopyAsync();
        await AsAdminAsync(async s => (await s.ResetTwoFactorAsync(_reviewerId)).Succeeded);

        await AssertSentToSignInAsync(session, "/Account/Manage/EnableAuthenticator");
        await AssertSentToSignInAsync(session);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_is_refused()
    {
        var (session, copy) = await SignedInWithCopyAsync();
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await session.GetStringAsync("/"));
        var token = home.QuerySelector("form.sign-out-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedOut = await session.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "" }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task Disabling_an_account_refuses_its_old_cookie_at_the_next_request()
    {
        var (_, copy) = await SignedInWithCopyAsync();
        await AsAdminAsync(async s => (await s.SetDisabledAsync(_reviewerId, true)).Succeeded);
        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task Changing_roles_refuses_the_old_cookie_with_the_old_roles_at_the_next_request()
    {
        var (_, copy) = await SignedInWithCopyAsync();
        await AsAdminAsync(async s => (await s.SetRolesAsync(_reviewerId, [Roles.Auditor])).Succeeded);
        await AssertSentToSignInAsync(copy, "/review");
    }

    [Fact]
    public async Task Issuing_a_set_password_link_ends_the_sessions_and_revokes_every_earlier_link()
    {
        var (_, copy) = await SignedInWithCopyAsync();
        string? earlier = null, newer = null;
        await AsAdminAsync(async s => (earlier = (await s.IssuePasswordLinkAsync(_reviewerId)).Value) is not null);
        await AssertSentToSignInAsync(copy);
        await AsAdminAsync(async s => (newer = (await s.IssuePasswordLinkAsync(_reviewerId)).Value) is not null);

        var client = App.CreateBrowserlikeClient();
        var refused = await client.GetAsync("/" + earlier);
        Assert.EndsWith("Account/InvalidPasswordReset", refused.Headers.Location?.OriginalString);
        var set = await Forms.PostAsync(client, "/" + newer, "reset-password", new() { ["Input.Password"] = "Another-Good-Pass-7", ["Input.ConfirmPassword"] = "Another-Good-Pass-7" });
        Assert.EndsWith("Account/ResetPasswordConfirmation", set.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_made_up_set_password_code_shows_nothing_about_the_account()
    {
        var response = await App.CreateBrowserlikeClient().GetAsync($"/Account/ResetPassword?user={_reviewerId}&code=QUFBQQ");
        Assert.EndsWith("Account/InvalidPasswordReset", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Reviewer, body);
        Assert.DoesNotContain(TestApp.ShownName(Reviewer), body);
    }
}
