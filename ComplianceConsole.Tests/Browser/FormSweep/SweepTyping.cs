using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>Filling fields as a person does: typing into text and date fields, choosing from lists, and seeing each counter count.</summary>
public static class SweepTyping
{
    /// <summary>The input of a field found by its id, wherever MudBlazor puts the id (on the input or on its wrapper).</summary>
    public static ILocator Field(this ILocator scope, string id) =>
        scope.Locator($"input#{id}, #{id} input:not([type=hidden]), textarea#{id}, #{id} textarea:not([aria-hidden=true])").First;

    /// <inheritdoc cref="Field(ILocator, string)"/>
    public static ILocator Field(this IPage page, string id) => page.Locator("body").Field(id);

    /// <summary>Types a text into an empty or filled field (its old text selected and typed over) and checks the field holds it all.</summary>
    public static async Task TypeTextAsync(this ILocator input, string text)
    {
        await input.ClickAsync();
        await input.PressAsync("ControlOrMeta+a");
        await input.FillAsync(text);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(text);
    }

    /// <summary>Types a text into a field with a length limit and checks its counter counts it against the limit.</summary>
    public static async Task TypeCountedAsync(this ILocator input, string text, int limit)
    {
        await input.TypeTextAsync(text);
        var control = input.Locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' mud-input-control ')][1]");
        await Expect(control.Locator(".mud-input-helper-text")).ToContainTextAsync($"{text.Length} / {limit}");
    }

    /// <summary>A day typed as a person types it into a date field: click the text, type it (yyyy-MM-dd), Tab.</summary>
    public static async Task TypeDateAsync(this ILocator input, DateOnly day)
    {
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await input.ClickAsync();
        await input.PressAsync("ControlOrMeta+a");
        await input.PressSequentiallyAsync(text);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(text);
    }

    /// <summary>Opens a MudSelect by its label and picks an option by its whole shown text.</summary>
    public static async Task ChooseAsync(this ILocator dialog, string label, string option)
    {
        await dialog.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await dialog.Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(dialog.Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    /// <summary>A China Standard Time day a number of days from today.</summary>
    public static DateOnly Day(int daysFromToday) =>
        DateOnly.FromDateTime(ComplianceConsole.Localization.ChinaTime.FromUtc(DateTime.UtcNow).Date.AddDays(daysFromToday));

    public static string Text(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
