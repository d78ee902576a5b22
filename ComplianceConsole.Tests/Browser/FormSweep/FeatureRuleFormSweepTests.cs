using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class FeatureRuleFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.library@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }
}

/// <summary>The feature rule dialog, added and edited: kind, value, reason and note, saved, reloaded and read back.</summary>
public sealed class FeatureRuleFormSweepTests(FeatureRuleFormSweepApp browser) : IClassFixture<FeatureRuleFormSweepApp>
{
    private static async Task ExpectDialogAsync(ILocator dialog, string kind, string value, string reason, string note)
    {
        await Expect(dialog.Locator("#rule-kind").Locator("..")).ToContainTextAsync(kind);
        await Expect(dialog.Field("rule-value")).ToHaveValueAsync(value);
        await Expect(dialog.Locator("#rule-reason").Locator("..")).ToContainTextAsync(reason);
        await Expect(dialog.Field("rule-note")).ToHaveValueAsync(note);
    }

    [Fact]
    public async Task The_feature_rule_dialog_keeps_every_value_typed_when_adding_and_editing()
    {
        var page = await browser.SignedInPageAsync(FeatureRuleFormSweepApp.Manager);
        try
        {
            await page.GotoAsync("review/library");
            await page.WaitForInteractiveAsync();
            await page.Locator("#library-add").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            const string pattern = "退圈.{0,10}(声明|公告)", note = "扫表：某明星退圈谣言的变体\n第二行说明";
            await dialog.ChooseAsync("类型", "正则表达式");
            await dialog.Field("rule-value").TypeCountedAsync(pattern, ContentRules.MaxRuleValueLength);
            await dialog.ChooseAsync("理由", "谣言 (第 11 条)");
            await dialog.Field("rule-note").TypeCountedAsync(note, ContentRules.MaxNoteLength);
            await dialog.Locator("#rule-save").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            var row = page.Locator(".library-grid .mud-table-row", new() { HasText = pattern });
            var cells = row.Locator("td");
            await Expect(cells.Nth(0)).ToHaveTextAsync("正则表达式");
            await Expect(cells.Nth(1)).ToHaveTextAsync(pattern);
            await Expect(cells.Nth(2)).ToContainTextAsync("谣言");
            await Expect(cells.Nth(4)).ToContainTextAsync(TestApp.ShownName(FeatureRuleFormSweepApp.Manager));

            await row.GetByRole(AriaRole.Button, new() { Name = "操作" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "编辑规则" }).ClickAsync();
            await ExpectDialogAsync(dialog, "正则表达式", pattern, "谣言", note);
            const string keyword = "一键换脸教程", changedNote = "改为关键词";
            await dialog.ChooseAsync("类型", "关键词");
            await dialog.Field("rule-value").TypeCountedAsync(keyword, ContentRules.MaxRuleValueLength);
            await dialog.ChooseAsync("理由", "诈骗或冒充他人 (第 6 条)");
            await dialog.Field("rule-note").TypeCountedAsync(changedNote, ContentRules.MaxNoteLength);
            await dialog.Locator("#rule-save").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            row = page.Locator(".library-grid .mud-table-row", new() { HasText = keyword });
            await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("关键词");
            await row.GetByRole(AriaRole.Button, new() { Name = "操作" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "编辑规则" }).ClickAsync();
            await ExpectDialogAsync(dialog, "关键词", keyword, "诈骗或冒充他人", changedNote);

            await using var scope = browser.App.As(FeatureRuleFormSweepApp.Manager);
            var service = scope.Get<FeatureRuleService>();
            var id = (await service.GetPageAsync(new(), 0, 100)).Items.Single().Id;
            var saved = (await service.GetFormAsync(id))!;
            Assert.Equal((FeatureRuleKind.Keyword, keyword, "fraud_impersonation", changedNote), (saved.Kind, saved.Value, saved.ReasonCode, saved.Note));
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-feature-rule.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
