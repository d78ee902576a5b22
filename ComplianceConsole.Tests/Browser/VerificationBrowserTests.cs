using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A verifier and three pending records.</summary>
public sealed class VerificationBrowserApp : BrowserApp
{
    public const string Verifier = "verifier@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await SubmitAsync("bw-pending-1", VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜", -3);
        await SubmitAsync("bw-pending-2", VerificationMethod.MobileNumber, "13812341234", "张三", -2);
        await SubmitAsync("bw-other", VerificationMethod.UnifiedSocialCreditCode, "91330100799655058B", "杭州智影科技有限公司", -1);
    }

    private async Task SubmitAsync(string user, VerificationMethod method, string identifier, string name, int daysAgo)
    {
        var outcome = await App.SubmitDirectlyAsync(new VerificationSubmission(user, null, null, method, identifier, name, DateTime.UtcNow.AddDays(daysAgo)));
        Assert.Equal(SubmissionOutcome.Created, outcome);
    }
}

/// <summary>A Verifier's day: find pending records, open one, check the identity unmasked with a reason, verify it; import a file.</summary>
public sealed class VerificationBrowserTests(VerificationBrowserApp browser) : IClassFixture<VerificationBrowserApp>
{
    private const string Verifier = VerificationBrowserApp.Verifier;

    [Fact]
    public async Task A_verifier_filters_pending_records_reveals_one_with_a_reason_and_verifies_it()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(Verifier);
            await page.GetByRole(AriaRole.Link, new() { Name = "实名核验" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "bw-other" })).ToBeVisibleAsync();

            await page.Locator("#filter-status").ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "待审核" }).ClickAsync();
            await page.Locator("#filter-apply").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "110105********002X" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "欧阳**" })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("verification-grid.png");

            await page.Locator("#choose-columns").ClickAsync();
            await page.GetByLabel("用户昵称").CheckAsync();
            await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "用户昵称" })).ToBeVisibleAsync();
            await page.GetByLabel("用户昵称").UncheckAsync();
            await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "用户昵称" })).ToHaveCountAsync(0);
            await page.Locator("#choose-columns").ClickAsync(); // close the menu

            await page.GetByRole(AriaRole.Cell, new() { Name = "bw-pending-1" }).ClickAsync();
            await Expect(page.Locator("#identifier")).ToHaveTextAsync("110105********002X");

            await page.Locator("#reveal").ClickAsync();
            await page.Locator("#reveal-confirm").ClickAsync();
            await Expect(page.GetByText("请填写查看原因（至少 4 个字）。")).ToBeVisibleAsync();
            await page.GetByLabel("查看原因").FillAsync("用户申诉，核对证件");
            await page.Locator("#reveal-confirm").ClickAsync();
            await Expect(page.Locator("#identifier")).ToHaveTextAsync("11010519491231002X");
            await Expect(page.Locator("#real-name")).ToHaveTextAsync("欧阳娜娜");

            await page.Locator("#action-Verify").ClickAsync();
            await page.Locator("#decision-confirm").ClickAsync();
            await Expect(page.Locator(".status-chip").First).ToHaveTextAsync("已核验");
            await Expect(page.Locator("#history")).ToContainTextAsync("待审核 → 已核验");
            await Expect(page.Locator("#history")).ToContainTextAsync(TestApp.ShownName(Verifier)); // by display name
            await Expect(page.Locator("#identifier")).ToHaveTextAsync("110105********002X"); // the reveal lasted for that view only
            await page.SaveScreenshotAsync("verification-record.png");

            await page.Locator("#next-pending").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("实名核验记录");
            await Expect(page.Locator("#identifier")).ToHaveTextAsync("138****1234");

            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Verification record");
            await Expect(page.Locator(".keyboard-hint")).ToHaveTextAsync("Keys: V verify · R reject · N next · P previous");
            await page.GotoAsync("verification");
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Identifier" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Rows per page:")).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("verification-grid-en.png");
            await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync(); // the choice is kept on the account: restore it
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "实名核验", Level = 1 })).ToBeVisibleAsync();
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-verification.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_verifier_starts_an_import_leaves_the_page_and_finds_the_result_and_its_error_report_under_jobs()
    {
        var file = Path.Combine(BrowserApp.ScreenshotFolder, "import.csv");
        await File.WriteAllTextAsync(file, """
            平台用户ID,核验方式,证件号码,真实姓名,提交时间
            web-import-1,居民身份证,110101199003071233,刘洋,2026-11-20 10:00:00
            web-import-2,手机号码,13600001234,,2026-11-20 10:05:00
            web-import-3,统一社会信用代码,914403001922038216,深圳某科技有限公司,2026-11-20 10:10:00
            """, new System.Text.UTF8Encoding(true));
        var scheduler = await browser.App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(Verifier);
            await page.GotoAsync("verification/import");
            await page.WaitForInteractiveAsync();
            await page.Locator("input[type=file]").ChooseFileAsync(file);
            await Expect(page.GetByText("预览：import.csv（3 行数据）")).ToBeVisibleAsync();
            await Expect(page.Locator(".import-preview")).ToContainTextAsync("刘*");
            await Expect(page.Locator(".import-preview")).Not.ToContainTextAsync("刘洋");
            await page.SaveScreenshotAsync("import-preview.png");

            // The job host is busy: the import waits in the queue, and the app bar counts it.
            await browser.App.HoldJobsAsync();
            await page.Locator("#import-start").ClickAsync();
            await Expect(page.Locator("#import-result .job-status")).ToHaveTextAsync("排队中");
            await Expect(page.Locator(".my-jobs-badge .mud-badge")).ToHaveTextAsync("1");

            await page.GetByRole(AriaRole.Link, new() { Name = "实名核验" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "实名核验", Level = 1 })).ToBeVisibleAsync();
            await scheduler.Start();
            var snackbar = page.Locator(".mud-snackbar");
            await Expect(snackbar).ToContainTextAsync("实名核验导入：已完成");
            await Expect(page.Locator(".my-jobs-badge .mud-badge")).ToBeHiddenAsync();
            await page.SaveScreenshotAsync("job-finished-snackbar.png");

            await snackbar.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "后台任务", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator(".job-summary")).ToContainTextAsync("新增 2 条");
            await Expect(page.Locator(".job-lines")).ToContainTextAsync("真实姓名");
            await page.SaveScreenshotAsync("jobs.png");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".job-file").ClickAsync());
            var report = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.Contains("\"3\",\"真实姓名\",\"必填。\"", report);

            // A reader in English sees the reasons in English; the downloaded report stays as it was written.
            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"jobs\?job=\d+$")); // the job stays open across the switch
            await Expect(page.Locator(".job-lines")).ToContainTextAsync("Required.");
            await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync(); // the choice is kept on the account: restore it
            await page.WaitForInteractiveAsync();
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-import.png", fullPage: true);
            throw;
        }
        finally
        {
            await scheduler.Start();
        }
    }
}
