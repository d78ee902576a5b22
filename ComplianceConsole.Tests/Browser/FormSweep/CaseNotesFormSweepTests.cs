using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Review;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>A reviewer and a case to write notes on.</summary>
public sealed class CaseNotesFormSweepApp : BrowserApp
{
    public const string Reviewer = "sweep.notes@example.cn";

    public long CaseId { get; private set; }

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        CaseId = await ReviewDecisionApp.CreateCaseAsync(App.Services, "sweep-notes", "sweep-notes-author", MediaType.Text, null,
            new TestFlag(FlagSource.UserComplaint, TimeSpan.FromDays(3), TimeSpan.FromDays(10), "13812345678"));
    }
}

/// <summary>The case's internal note, typed as a person types it, added, and read back after a reload; one too long refused once.</summary>
public sealed class CaseNotesFormSweepTests(CaseNotesFormSweepApp browser) : IClassFixture<CaseNotesFormSweepApp>
{
    [Fact]
    public async Task A_note_typed_on_two_lines_is_added_and_kept_and_one_too_long_is_kept_whole_and_refused_once()
    {
        var page = await browser.SignedInPageAsync(CaseNotesFormSweepApp.Reviewer);
        try
        {
            await page.GotoAsync($"review/cases/{browser.CaseId}");
            await page.WaitForInteractiveAsync();
            var notes = page.Locator("#case-notes");
            var field = notes.Locator("textarea#case-note-text, #case-note-text textarea").First;
            const string note = "已联系平台核实来源 <b>&amp;</b>\n第二行：等待回复";
            await field.PressSequentiallyAsync("已联系平台核实来源 <b>&amp;</b>");
            await field.PressAsync("Shift+Enter");
            await field.PressSequentiallyAsync("第二行：等待回复");
            await notes.Locator("#case-note-add").ClickAsync();
            await Expect(notes.Locator(".case-note")).ToHaveCountAsync(1);
            await Expect(field).ToHaveValueAsync("");

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(notes.Locator(".case-note")).ToHaveCountAsync(1);
            Assert.Equal(note, (await notes.Locator(".case-note .note").InnerTextAsync()).Replace("\r", ""));
            await Expect(field).ToHaveValueAsync("");

            await field.FillAsync(new string('长', 10_000));
            await notes.Locator("#case-note-add").ClickAsync();
            var helper = notes.Locator(".mud-input-helper-text").First;
            await Expect(helper).ToContainTextAsync(TooLongTextFormSweepTests.Said("Common.TooLong", 10_000 - ContentRules.MaxNoteLength, ContentRules.MaxNoteLength));
            await page.SaveScreenshotAsync("case-note-too-long.png");
            Assert.Equal(10_000, (await field.InputValueAsync()).Length); // nothing cut
            await Expect(notes.GetByText(TooLongTextFormSweepTests.Said("Review.TextTooLong", ContentRules.MaxNoteLength))).ToHaveCountAsync(0);
            await Expect(notes.Locator(".case-note")).ToHaveCountAsync(1); // nothing added
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-case-notes.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
