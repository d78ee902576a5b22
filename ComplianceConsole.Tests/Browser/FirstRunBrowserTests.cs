using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>What a new provider does on day one, in a real browser.</summary>
public sealed class FirstRunBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string AdminEmail = "admin@example.cn";
    private const string VerifierEmail = "zhang.wei@example.cn";
    private const string AdminPassword = "Admin-Password-2026";
    private const string VerifierPassword = "Verifier-Password-2026";

    [Fact]
    public async Task Setup_then_an_administrator_creates_a_verifier_who_sees_only_what_the_role_allows()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await CompleteSetupAsync(page);
            await page.SignInAsync(AdminEmail, AdminPassword);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "员工管理" })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("home-administrator.png");

            var link = await CreateVerifierAsync(page);
            await page.SaveScreenshotAsync("staff.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "完成" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

            await SetPasswordAsync(page, link);
            await page.SignInAsync(VerifierEmail, VerifierPassword);
            var navigation = page.Locator(".mud-navmenu");
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "首页" })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "实名核验" })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "员工管理" })).ToHaveCountAsync(0);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "审计日志" })).ToHaveCountAsync(0);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "任务" })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link)).ToHaveCountAsync(4); // home, records, duplicates, jobs
            await Expect(page.Locator("#home-roles")).ToContainTextAsync("实名审核员");

            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await Expect(page.Locator("#home-roles")).ToContainTextAsync("Verifier");
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("home-verifier-english.png");

            await page.GotoAsync("staff");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/access-denied"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync(); // still in English
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Real-name verification" })).ToBeVisibleAsync(); // the way on is still there
            // The access-denied page answers 403 on purpose; the browser logs that load as an error. Nothing else may.
            var errors = browser.ConsoleErrors.Where(e => !e.Contains("status of 403")).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure.png", fullPage: true);
            throw;
        }
    }

    private async Task CompleteSetupAsync(IPage page)
    {
        await page.GotoAsync("");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await page.GetByLabel("设置令牌").FillAsync(browser.App.SetupToken);
        await page.GetByLabel("姓名").FillAsync("王管理");
        await page.GetByLabel("电子邮箱").FillAsync(AdminEmail);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync(AdminPassword);
        await page.GetByLabel("确认新密码").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建管理员" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    private static async Task<string> CreateVerifierAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "员工管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新建员工" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        // A paste of absurd length: nothing is cut, the field counts and says how much is too long, and even a longer value
        // forced in reaches the server (no dropped connection: the count follows it) and is refused once, under the field.
        await dialog.GetByLabel("姓名").FillAsync(new string('长', 10_000));
        Assert.Equal(10_000, (await dialog.GetByLabel("姓名").InputValueAsync()).Length);
        await dialog.GetByLabel("姓名").PressAsync("Tab");
        await Expect(dialog.GetByText("超出 9,900 个字符（最多 100 个）")).ToBeVisibleAsync();
        await page.EvalOnSelectorAsync("input#new-staff-name, #new-staff-name input", "(field, text) => { field.value = text; field.dispatchEvent(new Event('input', { bubbles: true })); }", new string('长', 12_000));
        await Expect(dialog.GetByText("超出 11,900 个字符（最多 100 个）")).ToBeVisibleAsync();
        await dialog.GetByLabel("电子邮箱").FillAsync(VerifierEmail);
        await dialog.GetByText("实名审核员 — 处理实名核验记录").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(dialog.GetByText("超出 11,900 个字符（最多 100 个）")).ToHaveCountAsync(1);
        await Expect(dialog.GetByText("最多 100 个字符。")).ToHaveCountAsync(0);
        await dialog.GetByText("实名审核员 — 处理实名核验记录").ClickAsync(); // unticked again below
        await dialog.GetByLabel("姓名").FillAsync("张伟");
        await dialog.GetByLabel("电子邮箱").FillAsync(VerifierEmail);
        await dialog.GetByText("实名审核员 — 处理实名核验记录").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var link = page.Locator("#password-link textarea, textarea#password-link").First;
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Account/ResetPassword\\?user="));
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.Locator("#copy-password-link").ClickAsync();
        await Expect(page.Locator("#copy-password-link.copied")).ToBeVisibleAsync();
        Assert.Equal(await link.InputValueAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = VerifierEmail })).ToBeVisibleAsync();
        return await link.InputValueAsync();
    }

    private static async Task SetPasswordAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Expect(page.GetByText(VerifierEmail)).ToBeVisibleAsync();
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync(VerifierPassword);
        await page.GetByLabel("确认新密码").FillAsync(VerifierPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "设置密码" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "密码已设置" })).ToBeVisibleAsync();
    }
}
