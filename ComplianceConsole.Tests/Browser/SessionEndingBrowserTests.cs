using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>The first administrator and a reviewer.</summary>
public sealed class SessionEndingBrowserApp : BrowserApp
{
    public const string Reviewer = "session.reviewer@example.cn";
    public string ReviewerId { get; private set; } = "";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        ReviewerId = await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
    }
}

/// <summary>A page left open elsewhere ends the moment its person's sessions end, and cannot win the session back.</summary>
public sealed class SessionEndingBrowserTests(SessionEndingBrowserApp browser) : IClassFixture<SessionEndingBrowserApp>
{
    private static readonly System.Text.RegularExpressions.Regex SignInPage = new("Account/Login");

    private async Task<IPage> ReviewerPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(SessionEndingBrowserApp.Reviewer);
        return page;
    }

    [Fact]
    public async Task After_a_two_factor_reset_the_open_page_is_sent_to_sign_in_and_cannot_enrol_an_authenticator()
    {
        var oldSession = await ReviewerPageAsync();
        try
        {
            await using (var admin = browser.App.As(Infrastructure.TestApp.AdminEmail))
            {
                Assert.True((await admin.Get<StaffService>().ResetTwoFactorAsync(browser.ReviewerId)).Succeeded);
            }
            await Expect(oldSession).ToHaveURLAsync(SignInPage);

            await oldSession.GotoAsync("Account/Manage/EnableAuthenticator");
            await Expect(oldSession).ToHaveURLAsync(SignInPage);
            await Expect(oldSession.Locator("#authenticator-key")).ToHaveCountAsync(0);
        }
        finally
        {
            await oldSession.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_page_the_same_person_has_open_in_another_browser()
    {
        var here = await ReviewerPageAsync();
        var elsewhere = await ReviewerPageAsync();
        try
        {
            await here.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await Expect(here).ToHaveURLAsync(SignInPage);
            await Expect(elsewhere).ToHaveURLAsync(SignInPage);
            await Expect(elsewhere.GetByLabel("电子邮箱")).ToBeVisibleAsync();
        }
        finally
        {
            await here.Context.CloseAsync();
            await elsewhere.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_earlier_set_password_link_opened_after_a_newer_one_was_issued_sets_nothing()
    {
        string earlier, newer;
        await using (var admin = browser.App.As(Infrastructure.TestApp.AdminEmail))
        {
            earlier = (await admin.Get<StaffService>().IssuePasswordLinkAsync(browser.ReviewerId)).Value!;
            newer = (await admin.Get<StaffService>().IssuePasswordLinkAsync(browser.ReviewerId)).Value!;
        }
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(earlier);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/InvalidPasswordReset"));
            await Expect(page.Locator("#Input\\.Password")).ToHaveCountAsync(0);
            await Expect(page.GetByText(SessionEndingBrowserApp.Reviewer)).ToHaveCountAsync(0);

            await page.GotoAsync(newer);
            await Expect(page.Locator("#Input\\.Password")).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_cookie_copied_into_another_browser_opens_nothing_after_sign_out()
    {
        var original = await ReviewerPageAsync();
        var copied = await browser.NewPageAsync();
        try
        {
            await copied.Context.AddCookiesAsync((await original.Context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }));
            await copied.GotoAsync("review");
            await Expect(copied).Not.ToHaveURLAsync(SignInPage);

            await original.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await Expect(original).ToHaveURLAsync(SignInPage);
            // A fresh tab: the copied page's own circuit may be sent to sign-in at this moment, which would abort a navigation on it.
            var again = await copied.Context.NewPageAsync();
            await again.GotoAsync("review");
            await Expect(again).ToHaveURLAsync(SignInPage);
        }
        finally
        {
            await original.Context.CloseAsync();
            await copied.Context.CloseAsync();
        }
    }
}
