using System.Globalization;
using ComplianceConsole.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

public sealed class RegistryBrowserApp : BrowserApp
{
    public const string Manager = "registry.manager@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }
}

public sealed class RegistryBrowserTests(RegistryBrowserApp browser) : IClassFixture<RegistryBrowserApp>
{
    [Fact]
    public async Task A_manager_records_an_assessment_with_its_evidence_file_and_sees_it_fall_due()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(RegistryBrowserApp.Manager);
        await page.GotoAsync("registry/assessments");
        await page.WaitForInteractiveAsync();

        await page.Locator("#assessment-add").ClickAsync();
        await page.Locator("input#assessment-subject, #assessment-subject input").First.FillAsync("声音克隆 API（新功能）");
        var due = ComplianceConsole.Localization.ChinaTime.FromUtc(DateTime.UtcNow).Date.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dueInput = page.Locator("input#assessment-due, #assessment-due input").First;
        await dueInput.FillAsync(due);
        await dueInput.PressAsync("Tab");
        await page.Locator("#assessment-save").ClickAsync();
        await Expect(page.Locator("#assessments")).ToContainTextAsync("声音克隆 API（新功能）");

        await page.Locator("#assessments").GetByRole(AriaRole.Button, new() { Name = "0 个文件" }).ClickAsync();
        await page.Locator(".mud-dialog input[type=file]").ChooseFilesAsync(new FilePayload
        {
            Name = "第三方评估报告.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\nassessment\n%%EOF"u8.ToArray(),
        });
        await Expect(page.Locator("#evidence-files")).ToContainTextAsync("第三方评估报告.pdf");
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.7\nassessment\n%%EOF"u8.ToArray()));
        await Expect(page.Locator("#evidence-files")).ToContainTextAsync(sha256);
        await page.SaveScreenshotAsync("registry-evidence.png");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("registry");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("#registry-due tr", new() { HasText = "声音克隆 API（新功能）" });
        await Expect(row).ToContainTextAsync(due);
        await Expect(row).ToContainTextAsync("还有 12 天");
        await page.SaveScreenshotAsync("registry-due.png", fullPage: true);
    }
}
