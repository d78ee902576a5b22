using System.Net;
using System.Text.RegularExpressions;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class ApiKeyFormSweepApp : BrowserApp
{
    protected override Task ArrangeAsync() => App.CompleteSetupAsync();
}

/// <summary>The API key form: a name and scopes, the key shown once read-only, reloaded and read back; and a key revoked from its row.</summary>
public sealed class ApiKeyFormSweepTests(ApiKeyFormSweepApp browser) : IClassFixture<ApiKeyFormSweepApp>
{
    [Fact]
    public async Task The_api_key_form_keeps_every_value_typed()
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("api-keys");
            await page.WaitForInteractiveAsync();
            const string name = "扫表内容平台（生产）";
            await page.Field("api-key-name").TypeCountedAsync(name, ApiKeyService.MaxNameLength);
            string[] scopes = [RolePermissions.ApiScopes[0], RolePermissions.ApiScopes[2], RolePermissions.ApiScopes[^1]];
            foreach (var scope in scopes)
                await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(scope) + " — ") }).CheckAsync();
            await page.Locator("#api-key-create").ClickAsync();
            var secret = page.Field("api-key-secret");
            await Expect(secret).ToHaveValueAsync(new Regex(@"^cc_\S+$"));
            await Expect(secret).ToHaveAttributeAsync("readonly", "");
            await Expect(page.Field("api-key-name")).ToHaveValueAsync(""); // the form is cleared for the next key

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.Field("api-key-secret")).ToHaveCountAsync(0); // shown once
            var cells = page.Locator("tbody tr", new() { HasText = name }).Locator("td");
            await Expect(cells.Nth(0)).ToHaveTextAsync(name);
            await Expect(cells.Nth(2)).ToHaveTextAsync(string.Join(", ", scopes.Order(StringComparer.Ordinal))); // listed in order
            await Expect(cells.Nth(3)).ToContainTextAsync("系统管理员"); // the first administrator, by the name set up with

            await using var scope2 = browser.App.As(TestApp.AdminEmail);
            var saved = (await scope2.Get<ApiKeyService>().ListAsync()).Single(k => k.Name == name);
            Assert.Equal(scopes.Order(), saved.Scopes.Order());
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-api-keys.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(Cultures.Chinese, "超出 9,900 个字符（最多 100 个），请删减后再保存。", "最多 100 个", "请至少选择一个权限范围。")]
    [InlineData(Cultures.English, "9,900 characters too long (at most 100); shorten it before saving.", "at most 100", "Choose at least one scope.")]
    public async Task A_name_pasted_ten_thousand_characters_long_is_kept_whole_refused_once_and_counted_in_full_at_1440_and_1024_pixels(
        string culture, string refusal, string limitSaid, string scopeRequired)
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("api-keys");
            await page.WaitForInteractiveAsync();
            if (culture == Cultures.English) await page.SwitchLanguageAsync(Cultures.English);
            await page.ResizeAndWaitForLayoutAsync(1440, 900);
            var name = page.Field("api-key-name");
            await name.FillAsync(new string('长', 10_000));
            await name.PressAsync("Tab");
            await page.Locator("#api-key-create").ClickAsync();
            await Expect(page.GetByText(scopeRequired)).ToBeVisibleAsync(); // the server has answered

            var helper = page.Locator(".mud-input-control", new() { Has = page.Locator("#api-key-name") }).Locator(".mud-input-helper-text");
            var counter = helper.Locator(".ms-auto");
            foreach (var width in new[] { 1440, 1024 })
            {
                await page.ResizeAndWaitForLayoutAsync(width, 900);
                await page.SaveScreenshotAsync($"api-key-name-too-long-{culture}-{width}.png");
                Assert.Equal(10_000, (await name.InputValueAsync()).Length); // nothing cut
                await Expect(helper).ToContainTextAsync(refusal);
                // Said once: not again by the server's answer under the field.
                var text = await page.Locator(".mud-main-content").InnerTextAsync();
                Assert.Equal(1, Regex.Count(text, Regex.Escape(limitSaid), RegexOptions.IgnoreCase));
                await Expect(counter).ToHaveTextAsync("10000 / 100");
                Assert.True(await counter.EvaluateAsync<bool>(ShownWholeOnOneLine), $"the counter is cut off or broken at {width} px");
            }
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync($"failure-api-key-name-too-long-{culture}.png", fullPage: true);
            throw;
        }
        finally
        {
            if (culture == Cultures.English) await page.SwitchLanguageAsync(Cultures.Chinese); // the choice is the administrator's, kept for the class's other tests
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_name_of_exactly_the_limit_within_spaces_is_accepted_and_saved_and_one_over_it_is_refused_once()
    {
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("api-keys");
            await page.WaitForInteractiveAsync();
            var name = page.Field("api-key-name");
            var helper = page.Locator(".mud-input-control", new() { Has = page.Locator("#api-key-name") }).Locator(".mud-input-helper-text");
            var exact = "边界" + new string('长', ApiKeyService.MaxNameLength - 2);
            await name.FillAsync("  " + exact + "  ");
            await name.PressAsync("Tab");
            // The page, like the server, counts the name without its spaces: it says nothing against it.
            await Expect(helper).ToHaveTextAsync($"{exact.Length + 4} / 100");
            await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(RolePermissions.ApiScopes[0]) + " — ") }).CheckAsync();
            await page.Locator("#api-key-create").ClickAsync();
            await Expect(page.Field("api-key-secret")).ToHaveValueAsync(new Regex(@"^cc_\S+$"));
            await Expect(page.Locator("td.api-key-name", new() { HasText = "边界" })).ToHaveTextAsync(exact);

            var over = "超出" + new string('长', ApiKeyService.MaxNameLength - 1);
            await name.FillAsync("  " + over + "  ");
            await name.PressAsync("Tab");
            await page.Locator("#api-key-create").ClickAsync();
            await Expect(page.GetByText("请至少选择一个权限范围。")).ToBeVisibleAsync(); // the server has answered
            await Expect(helper).ToContainTextAsync("超出 1 个字符（最多 100 个），请删减后再保存。");
            var text = await page.Locator(".mud-main-content").InnerTextAsync();
            Assert.Equal(1, Regex.Count(text, Regex.Escape("最多 100 个")));

            await using var admin = browser.App.As(TestApp.AdminEmail);
            Assert.DoesNotContain(await admin.Get<ApiKeyService>().ListAsync(), k => k.Name.StartsWith("超出", StringComparison.Ordinal));
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-api-key-name-trimmed.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The counter's text lies inside its field's message line (which hides what overflows it), on one line and
    /// apart from the message: beside it with a space between, or under it.
    /// </summary>
    private const string ShownWholeOnOneLine = """
        e => {
            const line = e.closest('.mud-input-control-helper-container').getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(e);
            const text = range.getBoundingClientRect(), message = e.parentElement.querySelector('.me-auto').getBoundingClientRect();
            return text.left >= line.left && text.right <= line.right + 0.5 && range.getClientRects().length === 1
                && (text.left >= message.right + 4 || text.top >= message.bottom);
        }
        """;

    [Fact]
    public async Task At_1024_pixels_each_key_s_revoke_button_and_revocation_show_whole_and_Escape_cancels_in_both_languages()
    {
        const string active = "内容平台（生产环境）主站", revoked = "旧平台";
        await using (var admin = browser.App.As(TestApp.AdminEmail))
        {
            var keys = admin.Get<ApiKeyService>();
            await keys.CreateAsync(active, RolePermissions.ApiScopes.ToList());
            await keys.CreateAsync(revoked, [RolePermissions.ApiScopes[0]]);
            Assert.True((await keys.RevokeAsync((await keys.ListAsync()).Single(k => k.Name == revoked).Id)).Succeeded);
        }
        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("api-keys");
            await page.WaitForInteractiveAsync();
            await page.ResizeAndWaitForLayoutAsync(1024, 800);
            await AssertKeysWholeAsync(page, active, revoked, "吊销", "api-keys-1024.png");

            // English is wider: "Revoke", "Revoked 2026-…".
            await page.SwitchLanguageAsync(Cultures.English);
            try
            {
                await AssertKeysWholeAsync(page, active, revoked, "Revoke", "api-keys-1024-en.png");
            }
            finally
            {
                await page.SwitchLanguageAsync(Cultures.Chinese);
            }
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-api-keys-1024.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task AssertKeysWholeAsync(IPage page, string active, string revoked, string revoke, string screenshot)
    {
        await page.SaveScreenshotAsync(screenshot);
        var table = page.Locator(".api-keys-table .mud-table-container");
        var (scroll, client) = await table.WidthsAsync();
        Assert.True(scroll <= client, $"the keys table is {scroll} px wide in {client} px");
        var button = page.Locator("tbody tr", new() { HasText = active }).GetByRole(AriaRole.Button, new() { Name = revoke });
        await Expect(button).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.True(await ShownWholeAsync(button), $"the {revoke} button is cut off");
        Assert.True(await ShownWholeAsync(page.Locator("tbody tr", new() { HasText = revoked }).Locator(".mud-chip")), "the revoked key's chip is cut off");

        // Escape cancels the confirmation, as in any dialog, and the key stays.
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The dialog takes the focus (its confirming button) once it listens for keys.
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = revoke })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(button).ToBeVisibleAsync();
    }

    private static Task<bool> ShownWholeAsync(ILocator element) =>
        element.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight");

    [Fact]
    public async Task An_administrator_revokes_a_key_with_the_keyboard_and_the_platform_s_next_call_is_refused()
    {
        const string name = "即将吊销的平台";
        string key;
        await using (var admin = browser.App.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync(name, RolePermissions.ApiScopes.ToList())).Value!;
        }
        using var platform = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        platform.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        // Two calls: the first records the key's use, the second is answered from the key the instance keeps.
        for (var call = 0; call < 2; call++) Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/api/v1/users/someone/eligibility")).StatusCode);

        var page = await browser.SignedInPageAsync(TestApp.AdminEmail);
        try
        {
            await page.GotoAsync("api-keys");
            await page.WaitForInteractiveAsync();
            var row = page.Locator("tbody tr", new() { HasText = name });
            // Each row's button says which key it revokes, for a screen reader going from button to button.
            await page.GetByRole(AriaRole.Button, new() { Name = $"吊销密钥“{name}”", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync($"吊销密钥“{name}”后，使用它的调用都会被拒绝");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "吊销" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(row).ToContainTextAsync("已于");

            Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync("/api/v1/users/someone/eligibility")).StatusCode);
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-revoke-api-key.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
