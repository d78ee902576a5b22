using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>The app with a Manager and a few verification records submitted just now.</summary>
public sealed class ExportBrowserApp : BrowserApp
{
    public const string Manager = "export.manager@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(
            new VerificationSubmission("be-1", null, null, VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜", DateTime.UtcNow.AddMinutes(-5))));
        Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(
            new VerificationSubmission("be-2", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", DateTime.UtcNow.AddMinutes(-4))));
    }
}

/// <summary>
/// A Manager exports the ledger, watches it run, downloads the workbook and checks it on the verify page: as downloaded, re-saved
/// (green, the same export) and with its data changed and its digest recomputed (red, not signed by this console).
/// </summary>
public sealed class ExportBrowserTests(ExportBrowserApp browser) : IClassFixture<ExportBrowserApp>
{
    /// <summary>The page is wider than the window, or something in the history's table reaches past the table's box (scrolled or cut off).</summary>
    private const string ScrollsSideways = """
        () => {
            const box = document.querySelector('.table-scroll').getBoundingClientRect();
            return document.documentElement.scrollWidth > document.documentElement.clientWidth
                || [...document.querySelectorAll('.table-scroll *')].some(e => e.getBoundingClientRect().right > box.right + 1);
        }
        """;

    /// <summary>Each date in the history's table that the browser broke over two lines ("2026-12-" over "21").</summary>
    private const string DatesBrokenInside = """
        () => [...document.querySelectorAll('.export-history td')].flatMap(cell => {
            const broken = [], texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let text; (text = texts.nextNode());) {
                for (const date of text.data.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
                    const range = document.createRange();
                    range.setStart(text, date.index);
                    range.setEnd(text, date.index + date[0].length);
                    if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) broken.push(date[0]);
                }
            }
            return broken;
        })
        """;

    [Fact]
    public async Task A_manager_exports_the_ledger_downloads_it_and_the_verify_page_recognises_it()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(ExportBrowserApp.Manager);
            await page.GotoAsync("exports?kind=VerificationLedger");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#export-kind").Locator("..")).ToContainTextAsync("实名认证台账");
            await page.GetByLabel("期间").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "本月" }).ClickAsync();
            // As a person would, export once the dates show the month chosen: a click before the page took the choice exports the period before it.
            var firstOfMonth = ComplianceConsole.Localization.ChinaTime.FromUtc(DateTime.UtcNow).ToString("yyyy-MM-01");
            await Expect(page.GetByLabel("起始日期")).ToHaveValueAsync(firstOfMonth);
            await page.Locator("#export-submit").ClickAsync();

            await Expect(page.Locator(".job-panel")).ToBeVisibleAsync();
            await Expect(page.Locator(".job-summary")).ToContainTextAsync("已导出 2 行", new() { Timeout = 60_000 });
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-download").ClickAsync());
            var path = Path.Combine(BrowserApp.ScreenshotFolder, "export-ledger.xlsx");
            await download.SaveAsAsync(path);
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            await page.SaveScreenshotAsync("export-done.png");

            await page.GotoAsync("exports/verify");
            await page.WaitForInteractiveAsync();
            await page.Locator("input[type=file]").ChooseFileAsync(path);
            await Expect(page.Locator("#verify-verdict")).ToContainTextAsync("未被改动");
            await Expect(page.Locator("#verify-match")).ToContainTextAsync(TestApp.ShownName(ExportBrowserApp.Manager));
            await page.SaveScreenshotAsync("export-verified.png");

            var bytes = await File.ReadAllBytesAsync(path);
            await UploadAsync(page, "export-resaved.xlsx", Exports.ExportForgeries.Resaved(bytes));
            await Expect(page.Locator("#verify-verdict")).ToHaveAttributeAsync("data-verdict", "Resaved");
            await Expect(page.Locator("#verify-verdict")).ToContainTextAsync("封面真实");
            await Expect(page.Locator("#verify-verdict")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-.*-success"));
            await page.SaveScreenshotAsync("export-verified-resaved.png");

            await UploadAsync(page, "export-forged.xlsx", Exports.ExportForgeries.DataChangedAndDigestRecomputed(bytes, 2, 6, "已认证 / Verified"));
            await Expect(page.Locator("#verify-verdict")).ToHaveAttributeAsync("data-verdict", "NotSignedByThisConsole");
            await Expect(page.Locator("#verify-verdict")).ToContainTextAsync("签名与封面内容不符");
            await Expect(page.Locator("#verify-verdict")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-.*-error"));
            await Expect(page.Locator("#verify-differing")).ToContainTextAsync(Exports.ExportForgeries.DigestLabel);
            await Expect(page.Locator("#verify-match")).ToContainTextAsync("封面写明的导出编号");
            await page.SaveScreenshotAsync("export-verified-forged.png");

            await page.GotoAsync("exports/history");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator(".export-state").First).ToContainTextAsync("可下载");
            foreach (var width in new[] { 1440, 1024 })
            {
                await page.ResizeAndWaitForLayoutAsync(width, 900);
                await page.SaveScreenshotAsync($"export-history-{width}.png");
                Assert.False(await page.EvaluateAsync<bool>(ScrollsSideways), $"the export history needs scrolling sideways at {width} px");
                Assert.Empty(await page.EvaluateAsync<string[]>(DatesBrokenInside));
            }
            // English is wider ("Requested by", "Download", "Kept until …").
            await page.SwitchLanguageAsync(Cultures.English);
            try
            {
                await Expect(page.Locator(".export-state").First).ToContainTextAsync("Ready");
                foreach (var width in new[] { 1440, 1024 })
                {
                    await page.ResizeAndWaitForLayoutAsync(width, 900);
                    await page.SaveScreenshotAsync($"export-history-{width}-en.png");
                    Assert.False(await page.EvaluateAsync<bool>(ScrollsSideways), $"the export history needs scrolling sideways at {width} px in English");
                    Assert.Empty(await page.EvaluateAsync<string[]>(DatesBrokenInside));
                }
            }
            finally
            {
                await page.SwitchLanguageAsync(Cultures.Chinese); // the choice is the manager's, kept for the class's other tests
            }
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-export.png", fullPage: true);
            throw;
        }
    }

    [Fact]
    public async Task A_workbook_resaved_in_LibreOffice_is_recognised_on_the_verify_page_as_the_same_export()
    {
        ExternalTools.Require(ExternalTools.Soffice, "libreoffice-calc-nogui");
        var (queued, _) = await Exports.ExportApp.ExportAsync(browser.App, ExportBrowserApp.Manager,
            Exports.ExportApp.Today(Features.Exports.ExportKind.VerificationLedger));
        var original = Path.Combine(BrowserApp.ScreenshotFolder, "export-ledger-for-libreoffice.xlsx");
        await File.WriteAllBytesAsync(original, (await Exports.ExportApp.DownloadAsync(browser.App, ExportBrowserApp.Manager, queued.ExportId))!);
        var output = Directory.CreateTempSubdirectory("cc-lo-out-").FullName;
        ExternalTools.ResaveWithLibreOffice([original], output);

        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(ExportBrowserApp.Manager);
            await page.GotoAsync("exports/verify");
            await page.WaitForInteractiveAsync();
            await UploadAsync(page, "export-libreoffice.xlsx", await File.ReadAllBytesAsync(Path.Combine(output, Path.GetFileName(original))));
            await Expect(page.Locator("#verify-verdict")).ToHaveAttributeAsync("data-verdict", "Resaved");
            await Expect(page.Locator("#verify-match")).ToContainTextAsync($"导出编号 {queued.ExportId}");
            await page.SaveScreenshotAsync("export-verified-libreoffice.png");
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-export-libreoffice.png", fullPage: true);
            throw;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task UploadAsync(IPage page, string name, byte[] workbook)
    {
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name);
        await File.WriteAllBytesAsync(path, workbook);
        // The upload keeps an input per file it was given; the newest takes the next one.
        await page.Locator("input[type=file]").Last.ChooseFileAsync(path);
        await Expect(page.Locator("#verify-result")).ToContainTextAsync(name);
    }
}
