using System.Globalization;
using System.Resources;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>An Administrator who is also a Manager: one person who may open every form with a length-limited text.</summary>
public sealed class TooLongTextFormSweepApp : BrowserApp
{
    public const string Person = "sweep.too-long@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Person, Roles.Administrator, Roles.Manager);
    }
}

/// <summary>
/// A text pasted 10,000 characters long into a form's length-limited field is kept whole and refused once, under the field, in the
/// page's language; the save's own refusal of its length is not said again beneath it.
/// </summary>
public sealed class TooLongTextFormSweepTests(TooLongTextFormSweepApp browser) : IClassFixture<TooLongTextFormSweepApp>
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));
    private static readonly CultureInfo Chinese = new(Cultures.Chinese);

    /// <summary>What the Chinese page says for a resource key and its arguments.</summary>
    internal static string Said(string key, params object[] arguments) => string.Format(Chinese, Resources.GetString(key, Chinese)!, arguments);

    /// <param name="open">The button that opens the form's dialog, or null for a form on the page.</param>
    /// <param name="answeredKey">What the save says of another field left empty: shown once the server has answered.</param>
    /// <param name="serverRefusalKey">What the save says of a text too long, with the limit as its argument.</param>
    [Theory]
    [InlineData("staff", "new-staff", "new-staff-name", StaffRules.MaxDisplayNameLength, "new-staff-save", "Staff.RoleRequired", "Validation.TooLong")]
    [InlineData("hash-banks", "bank-add", "bank-name", HashBankRules.MaxNameLength, "bank-save", "HashBank.ReasonRequired", "Validation.TooLong")]
    [InlineData("registry/filings", "filing-add", "filing-algorithm", RegistryRules.MaxNameLength, "filing-save", "Validation.Required", "Validation.TooLong")]
    [InlineData("registry/assessments", "assessment-add", "assessment-findings", RegistryRules.MaxTextLength, "assessment-save", "Validation.Required", "Validation.TooLong")]
    [InlineData("registry/holds", null, "hold-reason", LegalHoldService.MaxReasonLength, "hold-place", "Validation.Required", "Validation.TooLong")]
    [InlineData("settings", null, "settings-provider-name", ProviderSettingsRules.MaxNameLength, "settings-save", "UnifiedSocialCreditCode.Empty", "Validation.TooLong")]
    [InlineData("review/calendar", null, "calendar-name", WorkingCalendarRules.MaxNameLength, "calendar-add", "Calendar.DateRequired", "Calendar.NameTooLong")]
    public async Task A_text_pasted_ten_thousand_characters_long_is_kept_whole_and_refused_once_under_its_field(
        string path, string? open, string field, int limit, string save, string answeredKey, string serverRefusalKey)
    {
        var page = await browser.SignedInPageAsync(TooLongTextFormSweepApp.Person);
        try
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            if (open is not null) await page.Locator($"#{open}").ClickAsync();
            var form = page.Locator(open is null ? ".mud-main-content" : ".mud-dialog");
            var input = form.Field(field);
            await input.FillAsync(new string('长', 10_000));
            await input.PressAsync("Tab");
            await form.Locator($"#{save}").ClickAsync();
            await Expect(form.GetByText(Said(answeredKey, limit)).First).ToBeVisibleAsync();
            await page.SaveScreenshotAsync($"too-long-{field}.png");

            Assert.Equal(10_000, (await input.InputValueAsync()).Length); // nothing cut
            var helper = input.Locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' mud-input-control ')][1]").Locator(".mud-input-helper-text");
            await Expect(helper).ToContainTextAsync(Said("Common.TooLong", 10_000 - limit, limit));
            await Expect(form.GetByText(Said(serverRefusalKey, limit))).ToHaveCountAsync(0); // not said again by the save
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync($"failure-too-long-{field}.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
