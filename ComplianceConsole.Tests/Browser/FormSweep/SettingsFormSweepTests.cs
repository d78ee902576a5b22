using ComplianceConsole.Features.Settings;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class SettingsFormSweepApp : BrowserApp
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

/// <summary>The provider settings page: every field typed and the two-factor switch turned, saved, reloaded and read back.</summary>
public sealed class SettingsFormSweepTests(SettingsFormSweepApp browser) : IClassFixture<SettingsFormSweepApp>
{
    [Fact]
    public async Task The_provider_settings_keep_every_value_typed()
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("settings");
            await page.WaitForInteractiveAsync();
            const string name = "扫表深合成科技有限公司", creditCode = "91330100799655058B", labelingCode = "001191330100799655058B1AB12";
            await page.Field("settings-provider-name").TypeCountedAsync(name, ProviderSettingsRules.MaxNameLength);
            await page.Field("settings-credit-code").TypeCountedAsync(creditCode, 64);
            await page.Field("settings-labeling-code").TypeCountedAsync(labelingCode, 64);
            var twoFactor = page.GetByLabel("要求所有员工使用双重验证登录");
            await Expect(twoFactor).Not.ToBeCheckedAsync();
            await page.Locator("#settings-save").ClickAsync();
            await Expect(page.GetByText("设置已保存。")).ToBeVisibleAsync();

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.Field("settings-provider-name")).ToHaveValueAsync(name);
            await Expect(page.Field("settings-credit-code")).ToHaveValueAsync(creditCode);
            await Expect(page.Field("settings-labeling-code")).ToHaveValueAsync(labelingCode);

            // The switch last: once two-factor sign-in is required, the administrator (not enrolled) is sent to enrol on reloading.
            await twoFactor.CheckAsync();
            await page.Locator("#settings-save").ClickAsync();
            await Expect(page.GetByText("设置已保存。").Last).ToBeVisibleAsync();
            await Expect(twoFactor).ToBeCheckedAsync();
            await page.ReloadAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Manage/EnableAuthenticator\\?required=true$"));

            await using var scope = browser.App.As(TestApp.AdminEmail);
            var saved = await scope.Get<ProviderSettingsService>().GetFormAsync();
            Assert.Equal((name, creditCode, labelingCode, true), (saved.ProviderName, saved.UnifiedSocialCreditCode, saved.LabelingCode, saved.RequireTwoFactor));
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-settings.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
