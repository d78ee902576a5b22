using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>An administrator fills in the provider's details; an auditor then reads the log and verifies the chain.</summary>
public sealed class AdministrationBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await browser.App.CompleteSetupAsync();
        await browser.App.CreateStaffAsync("auditor@example.cn", Roles.Auditor);
    }

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
            await page.GetByLabel("算法备案号").FillAsync("网信算备110108000000000000001号");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByText("设置已保存")).ToBeVisibleAsync();
            await Expect(page.Locator(".provider-name")).ToHaveTextAsync("深合成科技有限公司");
            await page.SaveScreenshotAsync("settings.png");

            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await page.SignInAsync("auditor@example.cn");
            await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "修改服务提供者设置" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "核验哈希链" }).ClickAsync();
            await Expect(page.Locator("#chain-result")).ToContainTextAsync("哈希链完整");
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "核验审计哈希链" })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("audit.png");
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-administration.png", fullPage: true);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
