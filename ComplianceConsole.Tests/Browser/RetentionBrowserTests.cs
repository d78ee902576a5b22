using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

public sealed class RetentionBrowserApp : BrowserApp
{
    public const string Manager = "retention.manager@example.cn";
    public const string PlatformUser = "u-disputed-7";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.SubmitDirectlyAsync(new VerificationSubmission(PlatformUser, "争议用户", PlatformUserKind.Individual, VerificationMethod.MobileNumber,
            "13812340007", "赵六", null));
    }
}

public sealed class RetentionBrowserTests(RetentionBrowserApp browser) : IClassFixture<RetentionBrowserApp>
{
    [Fact]
    public async Task A_manager_places_a_legal_hold_runs_a_dry_run_and_both_pages_fit_1440_and_1024_pixels_in_both_languages()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(RetentionBrowserApp.Manager);
        await page.GotoAsync("registry/holds");
        await page.WaitForInteractiveAsync();
        await page.Locator("input#hold-reference, #hold-reference input").First.FillAsync(RetentionBrowserApp.PlatformUser);
        await page.Locator("input#hold-reason, #hold-reason input").First.FillAsync("用户投诉争议，法院调取证据");
        await page.Locator("#hold-place").ClickAsync();
        var held = page.Locator("#holds tr", new() { HasText = RetentionBrowserApp.PlatformUser });
        await Expect(held).ToContainTextAsync("生效中");
        await Expect(held).ToContainTextAsync("用户投诉争议，法院调取证据");

        await page.GotoAsync("registry/retention");
        await page.WaitForInteractiveAsync();
        await page.Locator("#retention-dry-run").ClickAsync();
        await Expect(page.Locator("#dry-AuditEvents .dry-count")).ToHaveTextAsync("0");
        await Expect(page.Locator("#retention-dry-run-result tr")).ToHaveCountAsync(8);

        // Purge now says what it would remove before anything runs; cancelling queues nothing.
        await page.Locator("#retention-run").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Expect(confirm).ToContainTextAsync("目前没有已过保存期限的记录");
        await page.SaveScreenshotAsync("retention-purge-confirm.png");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(page.Locator("#retention-queued")).ToHaveCountAsync(0);

        // A number below the legal minimum stays as typed and is refused with the minimum, never raised quietly.
        var auditDays = page.Locator("#rule-days-AuditEvents input, input#rule-days-AuditEvents").First;
        await auditDays.FillAsync("30");
        await auditDays.PressAsync("Tab");
        await Expect(auditDays).ToHaveValueAsync("30");
        await Expect(page.Locator("#rule-AuditEvents")).ToContainTextAsync("184");

        var problems = new List<string>();
        foreach (var culture in Cultures.Supported)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.BaseUrl }]);
            foreach (var width in new[] { 1440, 1024 })
            {
                await page.SetViewportSizeAsync(width, 900);
                foreach (var (path, name) in new[] { ("registry/retention", "retention"), ("registry/holds", "legal-holds") })
                {
                    await page.GotoAsync(path);
                    await page.WaitForInteractiveAsync();
                    if (name == "retention")
                    {
                        await page.Locator("#retention-dry-run").ClickAsync();
                        await Expect(page.Locator("#retention-dry-run-result")).ToBeVisibleAsync();
                    }
                    else
                    {
                        await Expect(page.Locator("#holds")).ToContainTextAsync(RetentionBrowserApp.PlatformUser);
                    }
                    await page.SaveScreenshotAsync($"{name}-{culture}-{width}.png", fullPage: true);
                    if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                        problems.Add($"{name} {culture} {width}px: wider than the window");
                }
            }
        }
        Assert.Empty(problems);
        Assert.Empty(browser.ConsoleErrors);
    }
}
