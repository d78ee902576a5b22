using System.Text.RegularExpressions;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Webhooks;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>The first administrator, with webhooks allowed to reach the test's receiver on 127.0.0.1.</summary>
public sealed class WebhookBrowserApp() : BrowserApp(WebhookApp.Settings)
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

public sealed class WebhookBrowserTests(WebhookBrowserApp browser) : IClassFixture<WebhookBrowserApp>
{
    [Fact]
    public async Task An_administrator_adds_an_endpoint_copies_its_secret_sends_a_test_event_and_sees_it_delivered_in_the_log()
    {
        using var receiver = new WebhookReceiver();
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(TestApp.AdminEmail);
            await page.GetByRole(AriaRole.Link, new() { Name = "Webhook 推送" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhook 推送", Level = 1 })).ToBeVisibleAsync();
            await page.Locator("#webhook-add").ClickAsync();
            await page.Locator("#webhook-name").FillAsync("主站内容平台");
            await page.Locator("#webhook-url").FillAsync("ftp://127.0.0.1/hooks");
            await page.GetByText("decision.made — 审核决定").ClickAsync();
            await page.Locator("#webhook-save").ClickAsync();
            await Expect(page.GetByText("只允许 http 和 https，不允许 ftp。")).ToBeVisibleAsync();

            await page.Locator("#webhook-url").FillAsync(receiver.Url);
            await page.Locator("#webhook-save").ClickAsync();
            var secret = page.Locator("input#webhook-secret");
            await Expect(secret).ToHaveValueAsync(new Regex("^whsec_[0-9a-f]{64}$"));
            receiver.Secret = await secret.InputValueAsync();
            await page.SaveScreenshotAsync("webhooks.png");

            await page.GetByRole(AriaRole.Link, new() { Name = "主站内容平台" }).ClickAsync();
            await page.Locator("#webhook-test").ClickAsync();
            var row = page.Locator("tr.webhook-delivery").First;
            await Expect(row).ToContainTextAsync("webhook.test");
            await Expect(row).ToContainTextAsync("已送达");
            await Expect(row).ToContainTextAsync("HTTP 200");
            var received = Assert.Single(await receiver.WaitForAsync(r => r.Count >= 1));
            Assert.True(received.SignatureValid);
            await Expect(row).ToContainTextAsync(received.EventId.ToString());
            await page.SaveScreenshotAsync("webhook-deliveries.png");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-webhooks.png", fullPage: true);
            throw;
        }
    }
}
