using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>A Manager who reads the audit log, and a Reviewer who changes a password.</summary>
public sealed class AccountAuditFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.auditor.manager@example.cn";
    public const string Reviewer = "sweep.password@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
    }
}

/// <summary>The audit page's filters (actor, action, typed days) and the change-password page, typed, saved or applied, reloaded and read back.</summary>
public sealed class AccountAuditFormSweepTests(AccountAuditFormSweepApp browser) : IClassFixture<AccountAuditFormSweepApp>
{
    private Task SweepAsync(string name, string email, Func<IPage, Task> sweep) => browser.SweepAsync(email, name, sweep);

    [Fact]
    public Task The_audit_filters_apply_every_value_typed_and_are_not_kept_in_the_address() => SweepAsync("audit-filters", AccountAuditFormSweepApp.Manager, async page =>
    {
        await page.GotoAsync("audit");
        await page.WaitForInteractiveAsync();
        var manager = AccountAuditFormSweepApp.Manager; // the log names staff by their sign-in
        var rows = page.Locator(".audit-table tbody tr");
        await Expect(rows.Filter(new() { HasNotText = manager })).Not.ToHaveCountAsync(0); // others' events before filtering

        await page.Locator("body").ChooseAsync("操作人", manager);
        await page.Locator("body").ChooseAsync("操作", "登录成功");
        await page.Field("audit-from").TypeDateAsync(SweepTyping.Day(-1));
        await page.Field("audit-to").TypeDateAsync(SweepTyping.Day(0));
        await page.Locator("#audit-apply").ClickAsync();
        await Expect(rows.Filter(new() { HasNotText = manager })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasNotText = "登录成功" })).ToHaveCountAsync(0);
        await Expect(rows).Not.ToHaveCountAsync(0);
        await Expect(rows.First.Locator("td").Nth(2)).ToHaveTextAsync(manager);
        await Expect(rows.First.Locator("td").Nth(3)).ToHaveTextAsync("登录成功");

        // The typed day is the one applied: a day that ends before today finds nothing.
        await page.Field("audit-to").TypeDateAsync(SweepTyping.Day(-1));
        await page.Locator("#audit-apply").ClickAsync();
        await Expect(rows).ToHaveTextAsync(["没有符合条件的记录。"]);

        await page.ReloadAsync(); // the page keeps no filter in its address: a reload starts unfiltered
        await page.WaitForInteractiveAsync();
        Assert.DoesNotContain("?", new Uri(page.Url).PathAndQuery);
        await Expect(page.Field("audit-from")).ToHaveValueAsync("");
        await Expect(page.Field("audit-to")).ToHaveValueAsync("");
        await Expect(rows.Filter(new() { HasNotText = manager })).Not.ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_change_password_page_keeps_the_new_password_typed() => SweepAsync("change-password", AccountAuditFormSweepApp.Reviewer, async page =>
    {
        await page.GotoAsync("Account/Manage/ChangePassword");
        const string newPassword = "Zheng-Yi-Ma-2026!长城";
        await page.Field("Input\\.OldPassword").TypeTextAsync(TestApp.Password);
        await page.Field("Input\\.NewPassword").TypeTextAsync(newPassword);
        await page.Field("Input\\.ConfirmPassword").TypeTextAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "更新密码" }).ClickAsync();
        await Expect(page.GetByText("密码已修改。")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Field("Input\\.NewPassword")).ToHaveValueAsync(""); // a password is never written back into the page

        var fresh = await browser.NewPageAsync();
        try
        {
            await fresh.SignInAsync(AccountAuditFormSweepApp.Reviewer, newPassword); // the whole password typed, kept
        }
        finally
        {
            await fresh.Context.CloseAsync();
        }
        await using (var services = browser.App.Services.CreateAsyncScope())
        {
            var users = services.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(AccountAuditFormSweepApp.Reviewer))!;
            Assert.True(await users.CheckPasswordAsync(user, newPassword));
            Assert.False(await users.CheckPasswordAsync(user, TestApp.Password));
        }
        await using var scope = browser.App.As(AccountAuditFormSweepApp.Manager);
        var audit = await scope.Get<AuditQueryService>().GetPageAsync(
            new AuditFilter(AccountAuditFormSweepApp.Reviewer, AuditActions.PasswordChanged), PageAnchor.First, null, 10);
        Assert.Single(audit.Items);
    });
}
