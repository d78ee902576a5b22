using System.Net;
using AngleSharp.Html.Parser;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// Enrolling (confirming a code) or removing an authenticator changes the security stamp, which ends every other session at
/// the next request; the person doing it stays signed in, and merely opening the enrolment page ends nothing.
/// </summary>
public sealed class SessionRevalidationTests : IAsyncLifetime
{
    private const string Reviewer = "reviewer@example.cn";
    private readonly TestApp _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateStaffAsync(Reviewer, Roles.Reviewer);
    }

    private static async Task AssertSignedInAsync(HttpClient client)
    {
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_person_enrolling_and_removing_an_authenticator_stays_signed_in_and_their_other_sessions_end()
    {
        var client = await _app.SignInAsync(Reviewer);
        var otherSession = await _app.SignInAsync(Reviewer);
        await AssertSignedInAsync(otherSession);

        var firstVisit = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Manage/EnableAuthenticator"));
        var key = firstVisit.QuerySelector("#authenticator-key")!.TextContent;
        await AssertSignedInAsync(client);
        var secondVisit = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Manage/EnableAuthenticator"));
        Assert.Equal(key, secondVisit.QuerySelector("#authenticator-key")!.TextContent);

        // A key not yet confirmed grants nothing: opening the page ends no other session (an open tab is not signed out for it).
        await AssertSignedInAsync(otherSession);

        var enrolled = await Forms.PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Contains("recovery-code", await enrolled.Content.ReadAsStringAsync());
        await AssertSignedInAsync(client);
        var stale = await otherSession.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("Account/Login", stale.Headers.Location?.OriginalString);

        var disabled = await Forms.PostAsync(client, "/Account/Manage/Disable2fa", "disable-2fa", []);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await AssertSignedInAsync(client);
    }

    public ValueTask DisposeAsync()
    {
        _app.Dispose();
        return ValueTask.CompletedTask;
    }
}
