using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class HashBankFormSweepApp : BrowserApp
{
    public const string Manager = "manager@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }
}

/// <summary>Every field of the bank dialog and of the bank page's hash form filled, saved, and still there after a reload.</summary>
public sealed class HashBankFormSweepTests(HashBankFormSweepApp browser) : IClassFixture<HashBankFormSweepApp>
{
    private Task SweepAsync(string name, Func<IPage, Task> sweep) => browser.SweepAsync(HashBankFormSweepApp.Manager, name, sweep);

    /// <summary>The banks page with the dialog of a new bank open.</summary>
    private static async Task<ILocator> NewBankDialogAsync(IPage page)
    {
        await page.GotoAsync("hash-banks");
        await page.WaitForInteractiveAsync();
        await page.Locator("#bank-add").ClickAsync();
        return page.GetByRole(AriaRole.Dialog);
    }

    [Fact]
    public Task A_bank_and_a_hash_typed_into_every_field_are_kept_as_typed() => SweepAsync("hash-banks", async page =>
    {
        var dialog = await NewBankDialogAsync(page);
        await dialog.Field("bank-name").TypeCountedAsync("辟谣图片（2026 年 12 月）", HashBankRules.MaxNameLength);
        await dialog.ChooseAsync("标记原因", "谣言 (第 11 条)");
        await dialog.Field("bank-distance").TypeTextAsync("24");
        await dialog.Field("bank-note").TypeCountedAsync("只收经核实的辟谣图片", HashBankRules.MaxNoteLength);
        await dialog.Locator("#bank-save").ClickAsync();
        await Expect(page.Locator("#banks")).ToContainTextAsync("辟谣图片（2026 年 12 月）");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#banks")).ToContainTextAsync("24");
        await page.Locator("#banks .bank-name", new() { HasText = "辟谣图片" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var hash = new string('a', 32) + new string('0', 32);
        await page.Field("hash-value").TypeCountedAsync(hash.ToUpperInvariant(), PdqHash.HexLength);
        await page.Field("hash-quality").TypeTextAsync("87");
        await page.Field("hash-note").TypeCountedAsync("平台帖子 88231", HashBankRules.MaxNoteLength);
        await page.Locator("#hash-add").ClickAsync();
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync(hash);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync("Q87");
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync("平台帖子 88231");
        await page.Field("hash-search").TypeCountedAsync("aaaa", PdqHash.HexLength);
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync(hash);
    });

    [Fact]
    public Task A_distance_or_a_quality_typed_beyond_its_range_is_refused_with_the_range_instead_of_cut_to_it() => SweepAsync("hash-bank-ranges", async page =>
    {
        var dialog = await NewBankDialogAsync(page);
        await dialog.Field("bank-name").TypeTextAsync("范围检查");
        await dialog.ChooseAsync("标记原因", "谣言 (第 11 条)");
        await dialog.Field("bank-distance").TypeTextAsync("99");
        await dialog.Locator("#bank-save").ClickAsync();
        await Expect(dialog).ToContainTextAsync("匹配距离须在 0 至 64 之间");
        await Expect(dialog.Field("bank-distance")).ToHaveValueAsync("99");

        await dialog.Field("bank-distance").TypeTextAsync("31");
        await dialog.Locator("#bank-save").ClickAsync();
        await Expect(page.Locator("#banks")).ToContainTextAsync("范围检查");
        await page.Locator("#banks .bank-name", new() { HasText = "范围检查" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Field("hash-value").TypeTextAsync(new string('b', 64));
        await page.Field("hash-quality").TypeTextAsync("150");
        await page.Locator("#hash-add").ClickAsync();
        await Expect(page.GetByText("PDQ 质量分须在 0 至 100 之间")).ToBeVisibleAsync();
        await Expect(page.Field("hash-quality")).ToHaveValueAsync("150");
        await Expect(page.Locator("#bank-entries")).Not.ToContainTextAsync(new string('b', 64));
    });
}
