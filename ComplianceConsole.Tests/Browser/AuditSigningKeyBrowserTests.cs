using ComplianceConsole.Features.Audit;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

public sealed class AuditSigningKeyBrowserApp : BrowserApp
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

/// <summary>An Administrator finds the audit keys' ids and the public key to give witnesses on the Settings page, in both languages.</summary>
public sealed class AuditSigningKeyBrowserTests(AuditSigningKeyBrowserApp browser) : IClassFixture<AuditSigningKeyBrowserApp>
{
    [Fact]
    public async Task The_settings_page_shows_the_signing_key_fingerprint_the_hmac_key_id_and_offers_the_public_key()
    {
        var keys = browser.App.Services.GetRequiredService<AuditKeys>();
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("settings");
            await Expect(page.Locator("#audit-signing-key-fingerprint")).ToHaveTextAsync(keys.Signer.Fingerprint);
            await Expect(page.Locator("#audit-hmac-key-id")).ToHaveTextAsync(keys.Hmac.CurrentId);
            await Expect(page.Locator("#audit-signing-key-pem")).ToContainTextAsync("-----BEGIN PUBLIC KEY-----");
            await Expect(page.Locator("#audit-signing-key-download")).ToHaveAttributeAsync("download", AuditKeys.PublicKeyFileName);
            await Expect(page.Locator("#audit-signing-key")).ToContainTextAsync("审计链 HMAC 密钥标识");
            await page.SaveScreenshotAsync("settings-audit-keys.png", fullPage: true);

            await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await Expect(page.Locator("#audit-signing-key")).ToContainTextAsync("Audit chain HMAC key id");
            await page.SetViewportSizeAsync(1024, 800);
            await page.SaveScreenshotAsync("settings-audit-keys-en-1024.png", fullPage: true);
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-settings-audit-keys.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
