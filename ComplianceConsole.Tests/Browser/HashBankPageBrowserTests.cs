using System.Text;
using System.Text.RegularExpressions;
using ComplianceConsole.Localization;
using ComplianceConsole.Tests.Browser.FormSweep;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A Manager at the hash banks with the keyboard, odd input and a 1,024-pixel window.</summary>
public sealed class HashBankPageBrowserTests(HashBankFormSweepApp browser) : IClassFixture<HashBankFormSweepApp>
{
    private Task AsManagerAsync(string name, Func<IPage, Task> steps) => browser.SweepAsync(HashBankFormSweepApp.Manager, name, steps);

    private static async Task OpenBankAsync(IPage page, string name, string distance = "31")
    {
        await page.GotoAsync("hash-banks");
        await page.WaitForInteractiveAsync();
        await page.Locator("#bank-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Field("bank-name").TypeTextAsync(name);
        await dialog.ChooseAsync("标记原因", "谣言 (第 11 条)");
        await dialog.Field("bank-distance").TypeTextAsync(distance);
        await dialog.Locator("#bank-save").ClickAsync();
        await page.Locator("#banks .bank-name", new() { HasText = name }).ClickAsync();
        await page.WaitForInteractiveAsync();
    }

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

    [Fact]
    public Task A_hash_file_is_chosen_from_a_focusable_button_in_the_pages_language_which_then_names_the_file() => AsManagerAsync("hash-bank-import", async page =>
    {
        await OpenBankAsync(page, "从文件导入");
        var hash = new string('f', 64);
        var choose = page.GetByRole(AriaRole.Button, new() { Name = "选择文件", Exact = true });
        await choose.FocusAsync();
        await Expect(choose).ToBeFocusedAsync();
        // The button opens the picker through a round trip to the server, which a loaded machine can stretch past the browser's
        // window for opening one; the file goes in through the picker's input, as in the other imports' tests.
        await page.Locator(".hash-import input[type=file]").ChooseFilesAsync(
            new FilePayload { Name = "辟谣图片哈希.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"hash\n{hash}\n") });
        await Expect(page.Locator("#import-result")).ToHaveTextAsync("已加入 1 个，已在库中 0 个，无效 0 个。");
        await Expect(page.Locator(".hash-import")).ToContainTextAsync("辟谣图片哈希.csv");
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync(hash);
        await page.SaveScreenshotAsync("hash-bank-import.png");

        await page.SwitchLanguageAsync(Cultures.English);
        try
        {
            var chooseInEnglish = page.GetByRole(AriaRole.Button, new() { Name = "Choose a file", Exact = true });
            await Expect(chooseInEnglish).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("hash-bank-import-en.png");
            // A button the size of its words, as elsewhere, not a bar across the panel.
            var widths = await chooseInEnglish.EvaluateAsync<double[]>("b => [b.getBoundingClientRect().width, b.closest('.mud-paper').getBoundingClientRect().width]");
            Assert.True(widths[0] < widths[1] / 2, $"the button is {widths[0]} px wide in a {widths[1]} px panel");
        }
        finally
        {
            await page.SwitchLanguageAsync(Cultures.Chinese);
        }
    });

    [Fact]
    public Task Escape_closes_the_bank_dialog_and_the_remove_confirmation_without_saving_or_removing() => AsManagerAsync("hash-bank-escape", async page =>
    {
        await OpenBankAsync(page, "键盘操作");
        await page.Field("hash-value").TypeTextAsync(new string('d', 64));
        await page.Locator("#hash-add").ClickAsync();
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync(new string('d', 64));
        // The same hash again changes nothing, and is not told as a success.
        await page.Field("hash-value").TypeTextAsync(new string('d', 64));
        await page.Locator("#hash-add").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "该哈希已在库中" })).ToHaveClassAsync(new Regex("mud-alert-filled-info"));
        await page.Locator(".hash-remove").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("移除这个哈希");
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync(new string('d', 64));

        await page.GotoAsync("hash-banks");
        await page.WaitForInteractiveAsync();
        await page.Locator("#bank-add").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Field("bank-name")).ToBeFocusedAsync(); // the dialog opens with its first field ready to type into
        await page.Keyboard.TypeAsync("按 Esc 放弃");
        await Expect(dialog.Field("bank-name")).ToHaveValueAsync("按 Esc 放弃");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#banks")).Not.ToContainTextAsync("按 Esc 放弃");
    });

    [Fact]
    public Task A_bank_page_fits_a_1024_pixel_window_with_a_long_name_its_search_counter_under_the_field_and_each_remove_in_its_row() => AsManagerAsync("hash-bank-1024", async page =>
    {
        var name = new string('W', 100);
        await OpenBankAsync(page, name);
        await page.Field("hash-value").TypeTextAsync(new string('e', 64));
        await page.Field("hash-note").TypeTextAsync("两行的加入时间旁边");
        await page.Locator("#hash-add").ClickAsync();
        await Expect(page.Locator("#bank-entries")).ToContainTextAsync(new string('e', 64));
        await page.ResizeAndWaitForLayoutAsync(1024, 800);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the page scrolls sideways");
        var counterRight = await page.EvaluateAsync<double>(
            "() => document.querySelector('#hash-search').closest('.mud-input-control').querySelector('.mud-input-helper-text').getBoundingClientRect().right");
        var inputRight = await page.EvaluateAsync<double>("() => document.querySelector('#hash-search').closest('.mud-input').getBoundingClientRect().right");
        Assert.True(counterRight <= inputRight + 1, $"the counter ends at {counterRight}, the field at {inputRight}");
        var heights = await page.EvaluateAsync<double[]>("""
            () => { const cell = document.querySelector('#bank-entries .hash-remove').closest('td');
                    return [cell.closest('tr').getBoundingClientRect().height, cell.getBoundingClientRect().height]; }
            """);
        var (row, cell) = (heights[0], heights[1]);
        Assert.Equal(row, cell, 1.0);
        // Chinese words are not broken a character a line in narrow columns ("来" over "源", "手工" over "添加").
        Assert.Empty(await page.EvaluateAsync<string[]>(BrokenWords, "#bank-entries th, #bank-entries td:nth-child(2)"));
    });

    [Fact]
    public Task At_1024_pixels_the_banks_table_fits_its_page_with_each_row_menu_in_reach_in_both_languages() => AsManagerAsync("hash-banks-1024", async page =>
    {
        await OpenBankAsync(page, "宽表" + new string('W', 60));
        await page.GotoAsync("hash-banks");
        await page.WaitForInteractiveAsync();
        await page.ResizeAndWaitForLayoutAsync(1024, 800);
        await AssertFitsAsync(page, "宽表", "编辑", "hash-banks-1024.png");
        // Chinese headers and kinds are not broken a character a line ("标" "记" "原" "因" under one another).
        Assert.Empty(await page.EvaluateAsync<string[]>(BrokenWords, "#banks th, #banks td:nth-child(2)"));

        // English is wider: longer headers, and an allow bank's kind is a phrase.
        await page.SwitchLanguageAsync(Cultures.English);
        try
        {
            await page.Locator("#bank-add").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Field("bank-name").TypeTextAsync("An allow bank with a long English name for known false positives");
            await dialog.ChooseAsync("Kind", "Allow bank (known false positives)");
            await dialog.Locator("#bank-save").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            await AssertFitsAsync(page, "An allow bank", "Edit", "hash-banks-1024-en.png");
        }
        finally
        {
            await page.SwitchLanguageAsync(Cultures.Chinese);
        }
    });

    /// <summary>The texts of the elements matched that hold no space, yet are shown over more than one line.</summary>
    private const string BrokenWords = """
        selector => {
            const elements = [...document.querySelectorAll(selector)];
            if (elements.length === 0) return ['nothing matches ' + selector];
            const lines = e => {
                const range = document.createRange();
                range.selectNodeContents(e);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            };
            return elements.filter(e => /^\S+$/.test(e.innerText.trim()) && lines(e) > 1).map(e => e.innerText.trim());
        }
        """;

    private static async Task AssertFitsAsync(IPage page, string bank, string edit, string screenshot)
    {
        await page.SaveScreenshotAsync(screenshot);
        var table = page.Locator("#banks .mud-table-container");
        var (scroll, client) = await table.WidthsAsync();
        Assert.True(scroll <= client, $"the table is {scroll} px wide in {client} px: its row menus are reached by scrolling sideways");
        var menu = page.Locator("#banks tr", new() { HasText = bank }).Locator(".bank-actions button");
        await Expect(menu).ToBeInViewportAsync(new() { Ratio = 1 });
        // Reached and opened with the keyboard, as a Manager working without the mouse would.
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = edit })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
    }
}
