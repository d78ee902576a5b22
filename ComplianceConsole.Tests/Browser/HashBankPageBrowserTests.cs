using ComplianceConsole.Tests.Browser.FormSweep;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A Manager at the hash banks with the keyboard, odd input and a 1,024-pixel window.</summary>
public sealed class HashBankPageBrowserTests(HashBankFormSweepApp browser) : IClassFixture<HashBankFormSweepApp>
{
    private Task AsManagerAsync(string name, Func<IPage, Task> steps) => browser.SweepAsync(HashBankFormSweepApp.Manager, name, steps);

    [Fact]
    public Task A_distance_or_a_quality_the_field_cannot_read_is_refused_in_the_pages_language_and_nothing_is_saved() => AsManagerAsync("hash-bank-unreadable-numbers", async page =>
    {
        await page.GotoAsync("hash-banks");
        await page.WaitForInteractiveAsync();
        await page.Locator("#bank-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Field("bank-name").TypeTextAsync("读不懂的距离");
        await dialog.ChooseAsync("标记原因", "谣言 (第 11 条)");
        await dialog.Field("bank-distance").FillAsync("3.5");
        await dialog.Field("bank-distance").PressAsync("Tab");
        await Expect(dialog).ToContainTextAsync("不是有效的数字");
        await dialog.Locator("#bank-save").ClickAsync();
        // Had the dialog saved the distance before "3.5", it would be closed now and this field gone.
        await dialog.Field("bank-distance").TypeTextAsync("24");
        await dialog.Locator("#bank-save").ClickAsync();
        await Expect(page.Locator("#banks tr", new() { HasText = "读不懂的距离" })).ToContainTextAsync("24");

        await page.Locator("#banks .bank-name", new() { HasText = "读不懂的距离" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var hash = new string('c', 64);
        await page.Field("hash-value").TypeTextAsync(hash);
        await page.Field("hash-quality").FillAsync("3.5");
        await page.Field("hash-quality").PressAsync("Tab");
        await Expect(page.GetByText("不是有效的数字")).ToBeVisibleAsync();
        await page.Locator("#hash-add").ClickAsync();
        // Had the hash been added without its quality, this one would be "already in the bank" and no Q35 shown.
        await page.Field("hash-quality").TypeTextAsync("35");
        await page.Locator("#hash-add").ClickAsync();
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync("Q35");
        Assert.DoesNotContain("Not a valid number", await page.Locator("body").InnerTextAsync());
    });
}
