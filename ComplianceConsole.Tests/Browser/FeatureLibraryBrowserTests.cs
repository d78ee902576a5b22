using ComplianceConsole.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

public sealed class FeatureLibraryBrowserApp : BrowserApp
{
    public const string Manager = "manager@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }
}

/// <summary>A Manager adds a keyword and a bad pattern on the library page, then finds the keyword highlighted by the tester; and changes a time limit.</summary>
public sealed class FeatureLibraryBrowserTests(FeatureLibraryBrowserApp browser) : IClassFixture<FeatureLibraryBrowserApp>
{
    [Fact]
    public async Task A_manager_adds_a_rule_sees_a_bad_pattern_refused_and_tests_a_text_against_the_library()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(FeatureLibraryBrowserApp.Manager);
            await page.GetByRole(AriaRole.Link, new() { Name = "特征库" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "特征库", Level = 1 })).ToBeVisibleAsync();

            await page.Locator("#library-add").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#rule-value").FillAsync("一键换脸");
            await dialog.GetByLabel("理由").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "诈骗或冒充他人 (第 6 条)" }).ClickAsync();
            await dialog.Locator("#rule-save").ClickAsync();
            await Expect(page.GetByText("规则已保存")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "一键换脸" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "诈骗或冒充他人" })).ToBeVisibleAsync();

            await page.Locator("#library-add").ClickAsync();
            await dialog.GetByLabel("类型").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "正则表达式" }).ClickAsync();
            // A pattern gets a three-line field: typed into once it has replaced the one-line field, not into the one going away.
            await Expect(dialog.Locator("textarea#rule-value")).ToBeVisibleAsync();
            await dialog.Locator("textarea#rule-value").FillAsync("(.*a){20}");
            await dialog.GetByLabel("理由").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "谣言 (第 11 条)" }).ClickAsync();
            await dialog.Locator("#rule-save").ClickAsync();
            await Expect(dialog).ToContainTextAsync("该正则表达式规模过大");
            await page.SaveScreenshotAsync("feature-rule-refused.png");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

            await page.Locator("#library-test").ClickAsync();
            await page.Locator("#test-text").FillAsync("教你一键换脸，三分钟学会");
            await page.Locator("#test-run").ClickAsync();
            await Expect(page.Locator("#test-summary")).ToHaveTextAsync("命中 1 条规则");
            await Expect(page.Locator("#test-highlighted mark")).ToHaveTextAsync("一键换脸");
            await Expect(page.Locator(".test-matches")).ToContainTextAsync("2–6");
            await page.SaveScreenshotAsync("feature-test.png");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-feature-library.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task Backtracking_bombs_are_saved_from_the_page_and_the_tester_answers_a_hostile_text_at_once()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(FeatureLibraryBrowserApp.Manager);
            await page.GetByRole(AriaRole.Link, new() { Name = "特征库" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "特征库", Level = 1 })).ToBeVisibleAsync();
            foreach (var bomb in new[] { "x(a+)+$", "b(a|aa)+$" })
            {
                await page.Locator("#library-add").ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog);
                await dialog.GetByLabel("类型").ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = "正则表达式" }).ClickAsync();
                await Expect(dialog.Locator("textarea#rule-value")).ToBeVisibleAsync();
                await dialog.Locator("textarea#rule-value").FillAsync(bomb);
                await dialog.GetByLabel("理由").ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = "谣言 (第 11 条)" }).ClickAsync();
                await dialog.Locator("#rule-save").ClickAsync();
                await Expect(page.GetByRole(AriaRole.Cell, new() { Name = bomb })).ToBeVisibleAsync();
            }

            await page.Locator("#library-test").ClickAsync();
            // The texts that make a backtracking engine try every split: 4,000 characters (the tester's most) that almost match each bomb.
            await page.Locator("#test-text").FillAsync("x" + new string('a', 3_998) + "!");
            await page.Locator("#test-run").ClickAsync();
            await Expect(page.Locator("#test-summary")).ToHaveTextAsync("命中 0 条规则");
            await page.Locator("#test-text").FillAsync("b" + new string('a', 3_998));
            await page.Locator("#test-run").ClickAsync();
            await Expect(page.Locator("#test-summary")).ToHaveTextAsync("命中 1 条规则");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-feature-bombs.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_manager_shortens_the_complaint_limit_and_the_page_says_what_it_means()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(FeatureLibraryBrowserApp.Manager);
            await page.GetByRole(AriaRole.Link, new() { Name = "处理时限" }).First.ClickAsync();
            var complaint = page.Locator("#limit-UserComplaint");
            await Expect(complaint).ToContainTextAsync("默认值，尚未修改");
            await Expect(page.Locator("#limit-example-UserComplaint")).ToContainTextAsync("第 15 个工作日");
            await complaint.GetByLabel("时限").FillAsync("5");
            await complaint.GetByLabel("时限").BlurAsync();
            await Expect(page.Locator("#limit-example-UserComplaint")).ToContainTextAsync("第 5 个工作日");
            await page.Locator("#limit-save-UserComplaint").ClickAsync();
            await Expect(page.GetByText("“用户投诉”的处理时限已保存")).ToBeVisibleAsync();
            await Expect(complaint).ToContainTextAsync("由 manager 修改"); // by display name
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-time-limits.png", fullPage: true);
            throw;
        }
    }
}
