using System.Text.RegularExpressions;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class StaffFormSweepApp : BrowserApp
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

/// <summary>New staff (name, email, roles; the password link shown read-only) and their roles edited, found by the page's search.</summary>
public sealed class StaffFormSweepTests(StaffFormSweepApp browser) : IClassFixture<StaffFormSweepApp>
{
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        [Roles.Verifier] = "实名审核员", [Roles.Reviewer] = "内容审核员", [Roles.Manager] = "合规主管", [Roles.Auditor] = "审计", [Roles.Administrator] = "管理员",
    };

    private static ILocator RoleBox(ILocator dialog, string role) =>
        dialog.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(RoleNames[role]) + " — ") });

    private static async Task ExpectRolesAsync(ILocator dialog, IReadOnlyCollection<string> roles)
    {
        foreach (var role in Roles.All)
        {
            if (roles.Contains(role)) await Expect(RoleBox(dialog, role)).ToBeCheckedAsync();
            else await Expect(RoleBox(dialog, role)).Not.ToBeCheckedAsync();
        }
    }

    /// <summary>The roles' chips, in whatever order the page lists them.</summary>
    private static async Task ExpectChipsAsync(ILocator cell, IReadOnlyCollection<string> roles)
    {
        var chips = cell.Locator(".mud-chip");
        await Expect(chips).ToHaveCountAsync(roles.Count);
        Assert.Equal(roles.Select(r => RoleNames[r]).Order(), (await chips.AllInnerTextsAsync()).Select(t => t.Trim()).Order());
    }

    [Fact]
    public async Task New_staff_and_their_roles_keep_every_value_typed()
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("staff");
            await page.WaitForInteractiveAsync();
            await page.Locator("#new-staff").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            const string email = "sweep.new-colleague@example.cn";
            await dialog.Field("new-staff-name").TypeCountedAsync("欧阳·扫表", StaffRules.MaxDisplayNameLength);
            await dialog.Field("new-staff-email").TypeCountedAsync(email, StaffRules.MaxEmailLength);
            string[] roles = [Roles.Reviewer, Roles.Auditor];
            foreach (var role in roles) await RoleBox(dialog, role).CheckAsync();
            await ExpectRolesAsync(dialog, roles);
            await dialog.Locator("#new-staff-save").ClickAsync();

            // The set-password link, in a read-only field of its own dialog.
            var link = dialog.Field("password-link");
            await Expect(link).ToHaveValueAsync(new Regex("^" + Regex.Escape(browser.BaseUrl) + @"\S+$"));
            await Expect(link).ToHaveAttributeAsync("readonly", "");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "完成" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            var search = page.GetByPlaceholder("按邮箱或姓名搜索");
            await search.TypeCountedAsync(email, StaffRules.MaxEmailLength); // Tab: the search runs when the field is left
            var rows = page.Locator(".mud-table-body .mud-table-row");
            await Expect(rows).ToHaveCountAsync(1);
            var cells = rows.First.Locator("td");
            await Expect(cells.Nth(0)).ToHaveTextAsync("欧阳·扫表");
            await Expect(cells.Nth(1)).ToHaveTextAsync(email);
            await ExpectChipsAsync(cells.Nth(2), roles);

            // The roles edited: the dialog shows those saved and keeps the change.
            await rows.First.GetByRole(AriaRole.Button, new() { Name = "操作" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "编辑角色" }).ClickAsync();
            await ExpectRolesAsync(dialog, roles);
            await RoleBox(dialog, Roles.Auditor).UncheckAsync();
            await RoleBox(dialog, Roles.Manager).CheckAsync();
            await RoleBox(dialog, Roles.Verifier).CheckAsync();
            string[] changed = [Roles.Verifier, Roles.Reviewer, Roles.Manager];
            await dialog.Locator("#roles-save").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await page.GetByPlaceholder("按邮箱或姓名搜索").TypeTextAsync("欧阳·扫表");
            await Expect(rows).ToHaveCountAsync(1);
            await ExpectChipsAsync(rows.First.Locator("td").Nth(2), changed);
            await rows.First.GetByRole(AriaRole.Button, new() { Name = "操作" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "编辑角色" }).ClickAsync();
            await ExpectRolesAsync(dialog, changed);

            await using var scope = browser.App.As(TestApp.AdminEmail);
            var saved = (await scope.Get<StaffService>().ListAsync(new StaffQuery(email, 0, 10))).Items.Single();
            Assert.Equal(("欧阳·扫表", email), (saved.DisplayName, saved.Email));
            Assert.Equal(changed.Order(), saved.Roles.Order());
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-staff.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
