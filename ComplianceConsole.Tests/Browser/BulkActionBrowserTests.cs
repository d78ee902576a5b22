using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Browser.FormSweep;
using ComplianceConsole.Tests.Review;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A Manager and a reviewer, and three open cases of the review queue: two plain, one with a regulator notice.</summary>
public sealed class ReviewBulkBrowserApp : BrowserApp
{
    public const string Manager = "bulk.manager@example.cn";
    public const string Reviewer = "bulk.reviewer@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await ReviewDecisionApp.CreateCaseAsync(App.Services, "bulk-alpha", "bulk-author", MediaType.Text, null);
        await ReviewDecisionApp.CreateCaseAsync(App.Services, "bulk-beta", "bulk-author", MediaType.Text, null);
        await ReviewDecisionApp.CreateCaseAsync(App.Services, "bulk-notice", "bulk-author", MediaType.Text, null,
            new TestFlag(FlagSource.RegulatorNotice, TimeSpan.FromHours(1), TimeSpan.FromHours(3)));
    }
}

/// <summary>
/// A Manager ticks cases in the review queue, with the mouse and with the keyboard, and decides them in bulk: the confirmation states what
/// is left out (the regulator notice), the result what was decided, and the queue follows. A reviewer gets no check boxes.
/// </summary>
public sealed class ReviewBulkBrowserTests(ReviewBulkBrowserApp browser) : IClassFixture<ReviewBulkBrowserApp>
{
    [Fact]
    public async Task A_manager_selects_cases_with_mouse_and_keyboard_and_decides_them_in_bulk_leaving_the_regulator_notice()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(ReviewBulkBrowserApp.Manager);
            await page.GotoAsync("review");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#decide-selected")).ToBeDisabledAsync();

            // The mouse ticks one row; the keyboard another (Space on its check box, Esc to leave it); ticking never opens the case.
            await Row(page, "bulk-alpha").Locator("input.select-case").ClickAsync();
            await Row(page, "bulk-notice").Locator("input.select-case").ClickAsync();
            await Row(page, "bulk-beta").Locator("input.select-case").FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(Row(page, "bulk-beta").Locator("input.select-case")).ToBeCheckedAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review$"));
            await Expect(page.Locator("#decide-selected")).ToContainTextAsync("决定所选（3）");
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("b");

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("对选中的 3 个案件作出同一决定");
            await dialog.Locator("#bulk-reason").SelectOptionAsync(new SelectOptionValue { Value = "false_positive" });
            await dialog.Locator("#bulk-note").FillAsync("关键词误报");
            await dialog.Locator("#review-bulk-continue").FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(dialog.Locator("#review-bulk-confirm")).ToContainTextAsync("共匹配 3 个未决定的案件");
            await Expect(dialog.Locator("#review-bulk-notices")).ToContainTextAsync("1 个有未处理的监管通知，将被略过");
            await Expect(dialog.Locator("#review-bulk-confirm")).ToContainTextAsync("将把 2 个案件决定为“无违规”");
            await dialog.Locator("#review-bulk-yes").ClickAsync();

            await Expect(dialog.Locator("#review-bulk-result .job-summary")).ToContainTextAsync("完成：决定 2 个");
            await Expect(dialog.Locator("#review-bulk-result .job-summary")).ToContainTextAsync("1 个有未处理的监管通知");
            await page.SaveScreenshotAsync("review-bulk-result.png");
            await dialog.Locator("#review-bulk-close").ClickAsync();

            // The queue follows without a reload: the decided cases leave it, the notice stays, and the selection is empty again.
            await Expect(Row(page, "bulk-alpha")).ToHaveCountAsync(0);
            await Expect(Row(page, "bulk-beta")).ToHaveCountAsync(0);
            await Expect(Row(page, "bulk-notice")).ToHaveCountAsync(1);
            await Expect(page.Locator("#decide-selected")).ToContainTextAsync("决定所选（0）");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-review-bulk.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_reviewer_gets_no_check_boxes_and_no_bulk_decision()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(ReviewBulkBrowserApp.Reviewer);
        await page.GotoAsync("review");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".queue-row").First).ToBeVisibleAsync();
        await Expect(page.Locator("input.select-case")).ToHaveCountAsync(0);
        await Expect(page.Locator("#decide-selected")).ToHaveCountAsync(0);
        await Expect(page.Locator("#decide-view")).ToHaveCountAsync(0);
        await Expect(page.Locator("#start-reviewing")).ToBeVisibleAsync();
    }

    private static ILocator Row(IPage page, string contentId) => page.Locator("tr.queue-row", new() { HasText = contentId });
}

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

            // Each list closes before the next field is typed into, as a person sees it close (a note typed while it was still closing was lost in CI).
            var bar = page.Locator(".mud-paper", new() { Has = page.Locator("#bulk-selected") });
            await bar.ChooseAsync("操作", "驳回");
            await bar.ChooseAsync("原因", "证件无效");
            await bar.Locator(".bulk-note input").TypeCountedAsync("营业执照已注销", VerificationRules.MaxNoteLength);
            await bar.Locator("#bulk-selected").ClickAsync();

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
