using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>The first administrator and an auditor.</summary>
public sealed class AdministrationBrowserApp : BrowserApp
{
    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync("auditor@example.cn", Roles.Auditor);
    }
}

/// <summary>An administrator fills in the provider's details and creates an API key; an auditor then reads the log and verifies the chain.</summary>
public sealed class AdministrationBrowserTests(AdministrationBrowserApp browser) : IClassFixture<AdministrationBrowserApp>
{
    [Fact]
    public async Task Provider_settings_are_checked_saved_and_then_visible_in_the_verified_audit_log()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(TestApp.AdminEmail);
            await page.GetByRole(AriaRole.Link, new() { Name = "服务提供者设置" }).First.ClickAsync();
            await page.GetByLabel("服务提供者名称").FillAsync("深合成科技有限公司");
            await page.GetByLabel("统一社会信用代码").FillAsync("91330100799655058C");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByText("统一社会信用代码的校验位不正确")).ToBeVisibleAsync();

            await page.GetByLabel("统一社会信用代码").FillAsync("91330100799655058B");
            await page.GetByLabel("标识编码").FillAsync("0011 91330100799655058B 1 AB12");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByText("设置已保存")).ToBeVisibleAsync();
            await Expect(page.Locator(".provider-name")).ToHaveTextAsync("深合成科技有限公司");
            await page.SaveScreenshotAsync("settings.png");

            await page.GetByRole(AriaRole.Link, new() { Name = "API 密钥" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API 密钥", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("名称", new() { Exact = true }).FillAsync("主站内容平台");
            await page.GetByText("Verification.CheckEligibility — 查询用户能否发布内容").ClickAsync();
            await page.Locator("#api-key-create").ClickAsync();
            await Expect(page.Locator("#api-key-secret input, input#api-key-secret").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^cc_[A-Za-z0-9]{8}_[A-Za-z0-9]{40}$"));
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "主站内容平台", Exact = true })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("api-keys.png");

            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            // Signed out means on the sign-in page: going there before the sign-out's own redirect lands is interrupted by it.
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
            await page.SignInAsync("auditor@example.cn");
            await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "修改服务提供者设置" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "核验哈希链" }).ClickAsync();
            await Expect(page.Locator("#chain-result")).ToContainTextAsync("哈希链完整");
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "核验审计哈希链" })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("audit.png");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-administration.png", fullPage: true);
            throw;
        }
    }

}
