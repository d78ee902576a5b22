using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>The app on a clock the tests move, two reviewers and a queue of cases, each test working cases of its own.</summary>
public sealed class ReviewerDayBrowserApp() : BrowserApp(new ClockedTestApp(SharedClock))
{
    private static readonly MovableClock SharedClock = new();

    public const string Reviewer = "day.reviewer@example.cn";
    public const string EnglishReviewer = "day.english@example.cn";

    public MovableClock Clock => SharedClock;

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await App.CreateStaffAsync(EnglishReviewer, Roles.Reviewer);
    }

    /// <summary>A case of its own for one test, due far enough ahead that "next" from other tests' cases never lands on it.</summary>
    public Task<long> CaseAsync(string name, int dueInHours = 24) =>
        ReviewDecisionApp.CreateCaseAsync(App.Services, name, name + "-author", MediaType.Text, null,
            new TestFlag(FlagSource.UserComplaint, TimeSpan.FromHours(1), TimeSpan.FromHours(dueInHours), "13812345678"));

    public async Task<ReviewCase> StoredAsync(long id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Waits until the case is held by nobody (a release is written as the page leaves).</summary>
    public async Task UntilReleasedAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await StoredAsync(id)).ClaimedById is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Case {id} is still claimed.");
            await Task.Delay(100);
        }
    }
}

public sealed class ReviewerDayBrowserTests(ReviewerDayBrowserApp browser) : IClassFixture<ReviewerDayBrowserApp>
{
    private async Task<IPage> ReviewerAsync(string email = ReviewerDayBrowserApp.Reviewer)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email);
        return page;
    }

    private static async Task OpenAsync(IPage page, long caseId)
    {
        await page.GotoAsync($"review/cases/{caseId}?view=all");
        await page.WaitForInteractiveAsync();
    }

    [Fact]
    public async Task Looking_at_a_case_does_not_take_it_T_does_and_Esc_gives_it_back()
    {
        var id = await browser.CaseAsync("day-esc", dueInHours: 900);
        var page = await ReviewerAsync();
        try
        {
            await OpenAsync(page, id);
            await Expect(page.Locator("#claim-free")).ToBeVisibleAsync();
            Assert.Null((await browser.StoredAsync(id)).ClaimedById);

            await page.Keyboard.PressAsync("t");
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            Assert.NotNull((await browser.StoredAsync(id)).ClaimedById);

            await page.Keyboard.PressAsync("Escape");
            await Expect(page).ToHaveURLAsync(new Regex(@"/review\?view=all$"));
            await browser.UntilReleasedAsync(id);
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-day-esc.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task The_browsers_Back_gives_the_case_back()
    {
        var id = await browser.CaseAsync("day-back", dueInHours: 901);
        var page = await ReviewerAsync();
        try
        {
            await page.GotoAsync("review?view=all");
            await page.WaitForInteractiveAsync();
            await page.Locator($"a[href*='cases/{id}']").First.ClickAsync(); // opened from the queue, within the app
            await page.Locator("#claim-take").ClickAsync();
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();

            await page.GoBackAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/review\?view=all$"));
            await browser.UntilReleasedAsync(id);
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-day-back.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task Skip_gives_the_case_back_and_moves_to_another()
    {
        var first = await browser.CaseAsync("day-skip-1", dueInHours: -2);
        var second = await browser.CaseAsync("day-skip-2", dueInHours: -1);
        var page = await ReviewerAsync();
        try
        {
            await OpenAsync(page, first);
            await page.Keyboard.PressAsync("t");
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();

            await page.Keyboard.PressAsync("n");
            await Expect(page).Not.ToHaveURLAsync(new Regex($"cases/{first}\\?"));
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            Assert.Null((await browser.StoredAsync(first)).ClaimedById);
            Assert.Contains($"cases/{second}?", page.Url); // the next most urgent, not the one skipped
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-day-skip.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_claim_about_to_lapse_warns_and_what_was_typed_survives_the_lapse_and_a_reload()
    {
        var id = await browser.CaseAsync("day-lapse", dueInHours: 902);
        var page = await ReviewerAsync();
        try
        {
            await OpenAsync(page, id);
            await page.Keyboard.PressAsync("t");
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("3");
            await Expect(page.Locator("#decision-reason")).ToBeFocusedAsync();
            var note = page.Locator("textarea#decision-note, #decision-note textarea").First;
            await note.FillAsync("已核实原视频，属换脸合成");
            await Expect(page.Locator("#draft-state")).ToContainTextAsync("草稿已保存", new() { Timeout = 15_000 });

            browser.Clock.Advance(TimeSpan.FromMinutes(8.5)); // away from the desk: 90 seconds left, no key pressed meanwhile
            await Expect(page.Locator("#claim-warning")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await page.Locator("#claim-keep").ClickAsync();
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();

            browser.Clock.Advance(TimeSpan.FromMinutes(11)); // away for good this time
            await Expect(page.Locator("#claim-lapsed")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(page.Locator("#decision-form")).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#draft-state")).ToContainTextAsync("已恢复");
            await page.Keyboard.PressAsync("t");
            await Expect(page.Locator("#outcome-Removed")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.Locator("textarea#decision-note, #decision-note textarea").First).ToHaveValueAsync("已核实原视频，属换脸合成");
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-day-lapse.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_half_typed_time_is_refused_not_read_as_now()
    {
        var id = await browser.CaseAsync("day-partial", dueInHours: 904);
        var page = await ReviewerAsync();
        try
        {
            await OpenAsync(page, id);
            await page.Keyboard.PressAsync("t");
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("3"); // removed, for the reason the flags name
            // The outcome's key moves the focus to the reason once the page took it; a click before then loses the typing to the reason.
            await Expect(page.Locator("#decision-reason")).ToBeFocusedAsync();
            await page.Locator("input[id^='feedback-when-']").First.ClickAsync();
            await page.Keyboard.TypeAsync("12"); // one part of the date only: the control reports it as empty

            await page.Locator("#decide").ClickAsync();

            await Expect(page.Locator("#decision-partly-filled")).ToBeVisibleAsync();
            Assert.Equal(ReviewCaseState.Open, (await browser.StoredAsync(id)).State);
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-day-partial.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_colleague_working_in_English_does_not_turn_a_Chinese_reviewers_queue_into_English()
    {
        var id = await browser.CaseAsync("day-language", dueInHours: 903);
        var page = await ReviewerAsync();
        try
        {
            await page.GotoAsync("review?view=all");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator($"a[href*='cases/{id}']").First).ToBeVisibleAsync();

            // The English reviewer takes the case from their own circuit, in English.
            var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new("en"), new("en"));
            try
            {
                await using var english = browser.App.As(ReviewerDayBrowserApp.EnglishReviewer);
                Assert.True((await english.Get<ReviewClaims>().ClaimAsync(id)).Succeeded);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
            }

            await Expect(page.Locator(".claimed").First).ToContainTextAsync("审核中", new() { Timeout = 10_000 });
            await Expect(page.Locator("h1")).ToHaveTextAsync("审核队列");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("reviewing");
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-day-language.png", fullPage: true);
            throw;
        }
    }
}
