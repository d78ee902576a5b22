using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.HashBanks;
using ComplianceConsole.Tests.Review.Ingestion;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A Manager, a Reviewer, and a platform key; the platform sends a photo that will turn out to be a refuted rumour.</summary>
public sealed class HashBankBrowserApp : BrowserApp
{
    public const string Manager = "manager@example.cn";
    public const string Reviewer = "reviewer@example.cn";

    public string PlatformKey { get; private set; } = "";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await using var admin = App.As(Infrastructure.TestApp.AdminEmail);
        PlatformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
    }

    /// <summary>Posts an image item with the PDQ hash of these bytes, and a complaint on it; answers the item's case.</summary>
    public async Task<JsonElement> PostImageAsync(string externalId, byte[] image, bool withComplaint)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, PlatformKey);
        var item = ContentApp.Item(externalId);
        (item["mediaType"], item["category"]) = ("Image", "FaceManipulation");
        item["perceptualHashes"] = new[] { new { hash = new PdqHasher().Hash(new MemoryStream(image)).Hash.ToString(), quality = 100 } };
        var posted = await client.PostAsJsonAsync("/api/v1/content", new { items = new[] { item } });
        var result = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        if (!withComplaint) return result;
        var flagged = await client.PostAsJsonAsync("/api/v1/flags", new { items = new[] { new { contentExternalId = externalId, source = "UserComplaint", reason = "照片是合成的" } } });
        return (await flagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
    }
}

public sealed class HashBankBrowserTests(HashBankBrowserApp browser) : IClassFixture<HashBankBrowserApp>
{
    [Fact]
    public async Task A_reviewer_removes_an_image_into_a_bank_and_a_re_encoded_copy_arrives_flagged_and_linked_to_it()
    {
        using var photo = SKBitmap.Decode(PdqSamples.PathOf("square-512x512.jpg"));
        var originalCase = (await browser.PostImageAsync("bw-photo", Jpeg(photo, 92), withComplaint: true)).GetProperty("caseId").GetInt64();
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(HashBankBrowserApp.Manager);
            await page.GetByRole(AriaRole.Link, new() { Name = "哈希库" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "哈希库", Level = 1 })).ToBeVisibleAsync();
            await page.Locator("#bank-add").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#bank-name").FillAsync("谣言图片");
            await dialog.Locator("#bank-save").ClickAsync();
            await Expect(dialog).ToContainTextAsync("拦截库须选择一个违规原因");
            await dialog.GetByLabel("标记原因").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "谣言 (第 11 条)" }).ClickAsync();
            await dialog.Locator("#bank-save").ClickAsync();
            await Expect(page.Locator("#banks")).ToContainTextAsync("谣言图片");
            await page.SaveScreenshotAsync("hash-banks.png");
            await page.Context.CloseAsync();

            page = await browser.NewPageAsync();
            await page.SignInAsync(HashBankBrowserApp.Reviewer);
            await page.GotoAsync($"review/cases/{originalCase}");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#case-hashes")).ToContainTextAsync("平台提供");
            await page.Keyboard.PressAsync("t");
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("3"); // Removed
            await Expect(page.Locator("#decision-reason")).ToBeFocusedAsync();
            await page.Locator("#decision-reason").SelectOptionAsync("rumour");
            await page.Locator("#catch-copies-bank").SelectOptionAsync(new SelectOptionValue { Label = "谣言图片" });
            await Expect(page.Locator("#record-catch-copies")).ToContainTextAsync("1 个感知哈希");
            await page.Locator("#decide").ClickAsync();
            await Expect(page.Locator("#case-in-banks")).ToContainTextAsync("谣言图片");

            var copy = await browser.PostImageAsync("bw-photo-copy", Jpeg(photo.Resize(new SKImageInfo(320, 320), new SKSamplingOptions(SKFilterMode.Linear)), 45), withComplaint: false);
            Assert.Equal(1, copy.GetProperty("flagsAdded").GetInt32());
            await page.GotoAsync($"review/cases/{copy.GetProperty("caseId").GetInt64()}");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#case-flags")).ToContainTextAsync("谣言图片");
            await Expect(page.Locator("#case-flags .bank-match")).ToContainTextAsync("位（共 256 位）");
            await page.SaveScreenshotAsync("hash-bank-match.png", fullPage: true);
            await page.Locator("#case-flags .linked-case").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"review/cases/{originalCase}$"));
            await Expect(page.Locator("#case-in-banks")).ToBeVisibleAsync();
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-hash-banks.png", fullPage: true);
            throw;
        }
    }

    private static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, quality).ToArray();
    }
}
