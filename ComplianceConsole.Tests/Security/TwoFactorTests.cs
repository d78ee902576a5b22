using System.Net;
using AngleSharp.Html.Parser;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

public sealed class TwoFactorTests : SetUpAppTest
{
    private const string Reviewer = "reviewer@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
    }

    [Fact]
    public async Task A_person_enrols_an_authenticator_gets_recovery_codes_and_then_needs_a_code_to_sign_in()
    {
        var client = await App.SignInAsync(Reviewer);
        var enrolPage = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Manage/EnableAuthenticator"));
        var key = enrolPage.QuerySelector("#authenticator-key")!.TextContent;
        Assert.NotNull(enrolPage.QuerySelector(".qr-code svg"));

        var wrong = await Forms.PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        Assert.Contains("验证码不正确", await Forms.TextAsync(wrong));

        var enrolled = await Forms.PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = Totp.Code(key) });
        var codes = new HtmlParser().ParseDocument(await enrolled.Content.ReadAsStringAsync()).QuerySelectorAll(".recovery-code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);

        var fresh = App.CreateBrowserlikeClient();
        var password = await Forms.PostAsync(fresh, "/Account/Login", "login", new() { ["Input.Email"] = Reviewer, ["Input.Password"] = TestApp.Password });
        Assert.Contains("Account/LoginWith2fa", password.Headers.Location?.OriginalString);
        var secondFactor = await Forms.PostAsync(fresh, password.Headers.Location!.OriginalString.Replace("http://localhost", ""), "login-with-2fa",
            new() { ["Input.TwoFactorCode"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, secondFactor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);

        var recovery = App.CreateBrowserlikeClient();
        var again = await Forms.PostAsync(recovery, "/Account/Login", "login", new() { ["Input.Email"] = Reviewer, ["Input.Password"] = TestApp.Password });
        Assert.Contains("Account/LoginWith2fa", again.Headers.Location?.OriginalString);
        var withCode = await Forms.PostAsync(recovery, "/Account/LoginWithRecoveryCode", "login-with-recovery-code", new() { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);

        await using var db = await App.Services.ReadContextAsync();
        var actions = await db.AuditEvents.Where(e => e.ActorName == Reviewer).Select(e => new { e.Action, e.Details }).ToListAsync();
        Assert.Contains(actions, a => a.Action == AuditActions.TwoFactorEnabled);
        Assert.Contains(actions, a => a.Action == AuditActions.SignInSucceeded && a.Details!.Contains("authenticator"));
        Assert.Contains(actions, a => a.Action == AuditActions.SignInSucceeded && a.Details!.Contains("recovery-code"));
    }
}
