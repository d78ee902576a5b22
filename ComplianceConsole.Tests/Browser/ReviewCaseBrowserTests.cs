using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A reviewer, a manager and open cases: one an image with a complaint overdue, others to move on to, one decided.</summary>
public sealed class ReviewCaseBrowserApp : BrowserApp
{
    public const string Reviewer = "reviewer@example.cn";
    public const string Manager = "manager@example.cn";
    public const string Auditor = "auditor@example.cn";

    public long ImageCase { get; private set; }
    public long DecidedCase { get; private set; }
    public long LayoutCase { get; private set; }
    public long WatchedCase { get; private set; }

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        var complaint = new TestFlag(FlagSource.UserComplaint, TimeSpan.FromDays(20), TimeSpan.FromHours(-5), "13812345678");
        var library = new TestFlag(FlagSource.FeatureLibrary, TimeSpan.FromHours(3), TimeSpan.FromHours(21));
        // Due first, so "next" after it never comes back to it.
        ImageCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-image", "bw-author", MediaType.Image, BaseUrl + "assets/favicon.png", complaint, library);
        await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-next-1", "bw-author", MediaType.Video, null, library);
        await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-next-2", "bw-other", MediaType.Text, null, library);
        LayoutCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-layout-with-a-rather-long-external-identifier-0123456789abcdef", "bw-layout",
            MediaType.Image, BaseUrl + "assets/favicon.png", complaint with { Contact = "complainant@example.cn" }, library);
        DecidedCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-decided", "bw-other", MediaType.Text, null, library);
        WatchedCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-watched", "bw-other", MediaType.Text, null, library);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // Far in the future, so "next" never lands on these two.
        await db.ReviewCases.Where(c => c.Id == LayoutCase || c.Id == DecidedCase || c.Id == WatchedCase)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.QueueOrder, ReviewQueueOrder.For(DateTime.UtcNow.AddYears(1), 0)));
        await using var reviewer = App.As(Reviewer);
        Assert.True((await reviewer.Get<ReviewClaims>().ClaimAsync(DecidedCase)).Succeeded);
        var version = await reviewer.Get<ReviewCaseQueryService>().VersionAsync(DecidedCase);
        Assert.True((await reviewer.Get<ReviewDecisionService>().DecideAsync(DecidedCase, version!.Value, new(DecisionOutcome.NoViolation, "false_positive", null))).Succeeded);
    }
}

public sealed class ReviewCaseBrowserTests(ReviewCaseBrowserApp browser) : IClassFixture<ReviewCaseBrowserApp>
{
    [Fact]
    public async Task A_reviewer_answers_the_complaint_decides_with_the_keyboard_alone_and_moves_to_the_next_case()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(ReviewCaseBrowserApp.Reviewer);
            await page.GotoAsync($"review/cases/{browser.ImageCase}?view=all");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#claim-free")).ToBeVisibleAsync(); // looking is not claiming
            await Expect(page.Locator("#decision-form")).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("t"); // start reviewing it
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            await Expect(page.Locator("#media-preview")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("blurred"));
            await Expect(page.Locator("#case-flags .due.overdue")).ToBeVisibleAsync();
            await Expect(page.Locator("#case-flags")).ToContainTextAsync("138****5678");
            await Expect(page.Locator("#shortcuts-help")).ToContainTextAsync("Ctrl");

            await page.Keyboard.PressAsync("3"); // Removed
            await Expect(page.Locator("#outcome-Removed")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.Locator("#decision-reason")).ToBeFocusedAsync();
            await Expect(page.Locator("#decision-reason")).ToHaveValueAsync("rumour"); // the flags name it: chosen already
            await page.Keyboard.PressAsync("a"); // each reason has its letter: A, endangering security
            await Expect(page.Locator("#decision-reason")).ToHaveValueAsync("endangers_security");
            await page.Keyboard.PressAsync("c"); // C, rumour
            await Expect(page.Locator("#decision-reason")).ToHaveValueAsync("rumour");

            // Typing in the complainant's answer: digits and letters are text here, not shortcuts.
            var answer = page.Locator($"[id^='feedback-answer-'] textarea, textarea[id^='feedback-answer-']").First;
            await answer.FocusAsync();
            await page.Keyboard.TypeAsync("经核查已删除 1 e n r");
            await Expect(page.Locator("#outcome-Removed")).ToHaveAttributeAsync("aria-pressed", "true");
            Assert.EndsWith($"review/cases/{browser.ImageCase}?view=all", page.Url);
            await page.SaveScreenshotAsync("review-case.png", fullPage: true);

            await page.Keyboard.PressAsync("Control+Enter"); // decide and next
            await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"cases/{browser.ImageCase}\\?"));
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"review/cases/\d+\?view=all$"));
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();

            await using var scope = browser.App.As(ReviewCaseBrowserApp.Manager);
            var decided = (await scope.Get<ReviewCaseQueryService>().GetAsync(browser.ImageCase))!;
            Assert.Equal((ReviewCaseState.Decided, DecisionOutcome.Removed, "rumour"), (decided.Case.State, decided.Decision!.Outcome, decided.Decision.ReasonCode));
            var feedback = decided.Flags.Single(f => f.Source == FlagSource.UserComplaint).Feedback!;
            Assert.Equal("经核查已删除 1 e n r", feedback.Answer);
            Assert.True(feedback.IsLate);
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-review-keyboard.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task Someone_watching_a_case_sees_a_reviewer_take_it_without_a_reload()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(ReviewCaseBrowserApp.Auditor);
            await page.GotoAsync($"review/cases/{browser.WatchedCase}");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#claim-other")).ToHaveCountAsync(0);

            await using (var reviewer = browser.App.As(ReviewCaseBrowserApp.Reviewer))
            {
                Assert.True((await reviewer.Get<ReviewClaims>().ClaimAsync(browser.WatchedCase)).Succeeded);
            }

            await Expect(page.Locator("#claim-other")).ToContainTextAsync("reviewer 正在审核"); // by display name
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-review-watch.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_manager_reopens_a_decision_with_a_reason()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(ReviewCaseBrowserApp.Manager);
            await page.GotoAsync($"review/cases/{browser.DecidedCase}");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#case-decision")).ToContainTextAsync("误报");
            await page.Locator("#case-reopen").ClickAsync();
            await page.Locator("#reason-text").FillAsync("投诉人补充了新证据");
            await page.Locator("#reason-confirm").ClickAsync();
            await Expect(page.Locator("#case-state")).ToHaveTextAsync("待审核");
            await Expect(page.Locator("#case-history")).ToContainTextAsync("投诉人补充了新证据");
            await Expect(page.Locator("#case-history")).ToContainTextAsync("误报"); // the old decision stays in the history
            await Expect(page.Locator("#claim-free")).ToBeVisibleAsync(); // open again, for whoever starts reviewing it
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-review-reopen.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task The_case_page_fits_1440_and_1024_pixels_in_both_languages_and_unblurs_on_click()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(ReviewCaseBrowserApp.Manager);
        var problems = new List<string>();
        foreach (var culture in Cultures.Supported)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.BaseUrl }]);
            foreach (var width in new[] { 1440, 1024 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.GotoAsync($"review/cases/{browser.LayoutCase}");
                await page.WaitForInteractiveAsync();
                await Expect(page.Locator("#claim-take, #claim-mine").First).ToBeVisibleAsync();
                if (await page.Locator("#claim-take").CountAsync() > 0) await page.Locator("#claim-take").ClickAsync(); // a reload keeps the claim
                await Expect(page.Locator("#decision-form")).ToBeVisibleAsync();
                // The reason for review first: the flags and the case's due time without scrolling.
                foreach (var reason in new[] { "#case-flags", "#case-due" })
                {
                    if ((await page.Locator(reason).BoundingBoxAsync()) is not { } box || box.Y + Math.Min(box.Height, 120) > 900)
                        problems.Add($"{culture} {width}px: {reason} is not in view without scrolling");
                }
                await page.Locator("#outcome-ReportedToRegulator").ClickAsync(); // the longest form: sanction, refutation, report, answer
                if (await page.Locator("#sanction-kind").CountAsync() == 0) await page.Locator("#with-sanction").ClickAsync(); // the draft may have it on
                await Expect(page.Locator("#report-authority")).ToBeVisibleAsync();
                await Expect(page.Locator("#sanction-kind")).ToBeVisibleAsync();
                await page.SaveScreenshotAsync($"review-case-{culture}-{width}.png", fullPage: true);
                if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                    problems.Add($"{culture} {width}px: wider than the window");
            }
        }
        await page.Locator("#media-preview").ClickAsync();
        await Expect(page.Locator("#media-preview")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("blurred"));
        Assert.Empty(problems);
    }
}
