using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>The pending queue worked with the keyboard alone, on records of its own (it decides them).</summary>
public sealed class KeyboardFlowBrowserTests(VerificationBrowserApp browser) : IClassFixture<VerificationBrowserApp>
{
    private const string Verifier = VerificationBrowserApp.Verifier;

    [Fact]
    public async Task The_pending_queue_is_worked_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(Verifier);
            await page.GotoAsync("verification/work");
            await page.WaitForInteractiveAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"verification/\d+\?flow=pending$"));
            await Expect(page.Locator("#action-Verify")).ToBeVisibleAsync();
            // The page puts the focus on its keys' scope once live; a key pressed before that reaches nothing, as for a person.
            await Expect(page.Locator(".keyboard-scope")).ToBeFocusedAsync();
            var first = page.Url;

            await page.Keyboard.PressAsync("r");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog')?.contains(document.activeElement) && document.activeElement.offsetParent !== null");
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToHaveCountAsync(0);
            Assert.Equal(first, page.Url);
            await Expect(page.Locator(".keyboard-scope")).ToBeFocusedAsync(); // given back when the dialog closed

            await page.Keyboard.PressAsync("v");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(page.Locator("#decision-note")).ToBeFocusedAsync(); // typing goes straight into the note
            await page.Keyboard.TypeAsync("证件清晰");
            await page.Keyboard.PressAsync("Enter");
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page).Not.ToHaveURLAsync(first); // on to the next pending record (or to "nothing pending")
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"verification/(\d+\?flow=pending|work)$"));
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-keyboard.png", fullPage: true);
            throw;
        }
    }
}
