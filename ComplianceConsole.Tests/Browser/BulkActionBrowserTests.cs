using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A bulk decision from the grid, on records of its own: confirmed with everything it will write, run as a job, found under Jobs.</summary>
public sealed class BulkActionBrowserTests(VerificationBrowserApp browser) : IClassFixture<VerificationBrowserApp>
{
    [Fact]
    public async Task A_verifier_rejects_a_selected_record_in_bulk_and_the_result_is_kept_under_jobs()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(VerificationBrowserApp.Verifier);
            await page.GotoAsync("verification");
            await page.WaitForInteractiveAsync();
            await page.Locator("tr", new() { HasText = "bw-other" }).Locator("input[type=checkbox]").CheckAsync();
            await page.Locator("#bulk-open").ClickAsync();

            await page.GetByLabel("操作").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "驳回" }).ClickAsync();
            await page.GetByLabel("原因").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "证件无效" }).ClickAsync();
            await page.GetByLabel("备注").FillAsync("营业执照已注销");
            await page.Locator("#bulk-selected").ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("将对 1 条记录执行“驳回”");
            await Expect(dialog).ToContainTextAsync("原因：证件无效");
            await Expect(dialog).ToContainTextAsync("备注：“营业执照已注销”");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "执行" }).ClickAsync();

            await Expect(page.Locator("#bulk-result .job-summary")).ToContainTextAsync("1 条已更改");
            await Expect(page.Locator("tr", new() { HasText = "bw-other" })).ToContainTextAsync("已驳回");
            await page.SaveScreenshotAsync("bulk-result.png");

            await page.GotoAsync("jobs");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator(".job-row").First).ToContainTextAsync("实名核验批量操作");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-bulk.png", fullPage: true);
            throw;
        }
    }
}
