using System.Text.RegularExpressions;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Webhooks;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>The first administrator, with webhooks allowed to reach 127.0.0.1.</summary>
public sealed class WebhookFormSweepApp() : BrowserApp(WebhookApp.Settings)
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

/// <summary>The webhook endpoint dialog, added and edited: every field and event filled, saved, reloaded and read back; the secret shown once.</summary>
public sealed class WebhookFormSweepTests(WebhookFormSweepApp browser) : IClassFixture<WebhookFormSweepApp>
{
    private static string EventLabel(string type) => type + " — " + type switch
    {
        PlatformEventTypes.DecisionMade => "审核决定",
        PlatformEventTypes.SanctionApplied => "处置用户",
        PlatformEventTypes.SanctionLifted => "解除处置",
        PlatformEventTypes.AppealDecided => "申诉决定",
        PlatformEventTypes.AuditCheckpoint => "审计日志签名检查点",
        _ => "实名核验结果",
    };

    private static async Task ExpectEventsAsync(ILocator dialog, IReadOnlyCollection<string> chosen)
    {
        foreach (var type in PlatformEventTypes.Subscribable)
        {
            var box = dialog.GetByRole(AriaRole.Checkbox, new() { Name = EventLabel(type), Exact = true });
            if (chosen.Contains(type)) await Expect(box).ToBeCheckedAsync();
            else await Expect(box).Not.ToBeCheckedAsync();
        }
    }

    [Fact]
    public async Task The_endpoint_dialog_keeps_every_value_typed_when_adding_and_editing()
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("webhooks");
            await page.WaitForInteractiveAsync();
            await page.Locator("#webhook-add").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            const string url = "http://127.0.0.1:9/hooks/sweep?tenant=主站";
            await dialog.Field("webhook-name").TypeCountedAsync("扫表内容平台", WebhookRules.MaxNameLength);
            await dialog.Field("webhook-url").TypeCountedAsync(url, WebhookRules.MaxUrlLength);
            string[] chosen = [PlatformEventTypes.DecisionMade, PlatformEventTypes.AppealDecided, PlatformEventTypes.VerificationDecided];
            foreach (var type in chosen) await dialog.GetByText(EventLabel(type), new() { Exact = true }).ClickAsync();
            await ExpectEventsAsync(dialog, chosen);
            await dialog.Locator("#webhook-save").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            // The secret, shown this once in a read-only field.
            var secret = page.Field("webhook-secret");
            await Expect(secret).ToHaveValueAsync(new Regex("^whsec_[0-9a-f]{64}$"));
            await Expect(secret).ToHaveAttributeAsync("readonly", "");

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.Field("webhook-secret")).ToHaveCountAsync(0);
            var row = page.Locator(".webhook-endpoints tbody tr", new() { HasText = "扫表内容平台" });
            await Expect(row.Locator(".webhook-url")).ToHaveTextAsync(url);
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(string.Join(", ", chosen.Order(StringComparer.Ordinal))); // listed in order

            // Edited on its own page: the dialog shows every saved value and keeps the changes.
            await row.GetByRole(AriaRole.Link, new() { Name = "扫表内容平台" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await page.Locator("#webhook-edit").ClickAsync();
            await Expect(dialog.Field("webhook-name")).ToHaveValueAsync("扫表内容平台");
            await Expect(dialog.Field("webhook-url")).ToHaveValueAsync(url);
            await ExpectEventsAsync(dialog, chosen);
            const string changedUrl = "https://127.0.0.1:8443/hooks/sweep-2";
            await dialog.Field("webhook-name").TypeCountedAsync("扫表内容平台（备用）", WebhookRules.MaxNameLength);
            await dialog.Field("webhook-url").TypeCountedAsync(changedUrl, WebhookRules.MaxUrlLength);
            await dialog.GetByText(EventLabel(PlatformEventTypes.AppealDecided), new() { Exact = true }).ClickAsync();
            await dialog.GetByText(EventLabel(PlatformEventTypes.SanctionLifted), new() { Exact = true }).ClickAsync();
            string[] changed = [PlatformEventTypes.DecisionMade, PlatformEventTypes.SanctionLifted, PlatformEventTypes.VerificationDecided];
            await ExpectEventsAsync(dialog, changed);
            await dialog.Locator("#webhook-save").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await page.Locator("#webhook-edit").ClickAsync();
            await Expect(dialog.Field("webhook-name")).ToHaveValueAsync("扫表内容平台（备用）");
            await Expect(dialog.Field("webhook-url")).ToHaveValueAsync(changedUrl);
            await ExpectEventsAsync(dialog, changed);

            await using var scope = browser.App.As(TestApp.AdminEmail);
            var saved = (await scope.Get<WebhookService>().ListAsync()).Single();
            Assert.Equal(("扫表内容平台（备用）", changedUrl), (saved.Name, saved.Url));
            Assert.Equal(changed.Order(), saved.EventTypes.Order());
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-webhook.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
