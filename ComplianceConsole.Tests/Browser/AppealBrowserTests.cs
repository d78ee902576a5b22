using System.Net;
using System.Net.Http.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using ComplianceConsole.Tests.Review.Appeals;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A case one reviewer decided with a suspension, and the author's appeal against it from the platform.</summary>
public sealed class AppealBrowserApp : BrowserApp
{
    public const string Decider = "decider@example.cn";
    public const string Reviewer = "appeal.reviewer@example.cn";

    public long AppealedCase { get; private set; }

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Decider, Roles.Reviewer);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        AppealedCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "bw-appealed", "bw-appellant", MediaType.Text, null);
        await using (var decider = App.As(Decider))
        {
            Assert.True((await decider.Get<ReviewClaims>().ClaimAsync(AppealedCase)).Succeeded);
            var version = await decider.Get<ReviewCaseQueryService>().VersionAsync(AppealedCase);
            Assert.True((await decider.Get<ReviewDecisionService>().DecideAsync(AppealedCase, version!.Value, new(DecisionOutcome.Removed, "rumour", null)
            {
                Sanction = new SanctionRequest(SanctionKind.FunctionRestriction, "rumour", null, DateTime.UtcNow.AddDays(30)),
            })).Succeeded);
        }
        await using var admin = App.As(TestApp.AdminEmail);
        var key = (await admin.Get<ApiKeyService>().CreateAsync("platform", [ReviewPermissions.SubmitAppeal])).Value!;
        using var platform = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        platform.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var appealed = await platform.PostAsJsonAsync("/api/v1/appeals", AppealTests.Appeal("bw-appeal-1", "bw-appellant", content: "bw-appealed"));
        Assert.Equal(HttpStatusCode.Created, appealed.StatusCode);
    }
}

public sealed class AppealBrowserTests(AppealBrowserApp browser) : IClassFixture<AppealBrowserApp>
{
    [Fact]
    public async Task The_decider_is_told_to_leave_the_appeal_to_someone_else_who_overturns_it_and_sees_the_sanction_lifted()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(AppealBrowserApp.Decider);
            await page.GotoAsync($"review/cases/{browser.AppealedCase}?view=source:Appeal");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#appeal-decide")).ToHaveCountAsync(0);
            await Expect(page.Locator("#claim-own-appeal")).ToBeVisibleAsync(); // the decider may look, never take it
            await Expect(page.Locator("#claim-take")).ToHaveCountAsync(0);
            await page.Context.CloseAsync();

            page = await browser.NewPageAsync();
            await page.SignInAsync(AppealBrowserApp.Reviewer);
            await page.GotoAsync($"review/cases/{browser.AppealedCase}?view=source:Appeal");
            await page.WaitForInteractiveAsync();
            await page.Locator("#claim-take").ClickAsync();
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();
            await Expect(page.Locator(".appeal-statement")).ToContainTextAsync("并非 AI 合成");
            await Expect(page.Locator("#shortcuts-help")).ToContainTextAsync("维持"); // the appeal's own keys, not the decision form's
            await Expect(page.Locator("#decision-form")).ToHaveCountAsync(0); // the appeal comes first
            await Expect(page.Locator("#author-sanctions .sanction.active")).ToHaveCountAsync(1);

            await page.Locator("#appeal-outcome-Overturned").ClickAsync();
            await page.Locator("#appeal-reason").SelectOptionAsync("new_evidence");
            await page.Locator("#appeal-note textarea, textarea#appeal-note").First.FillAsync("用户提供了原始拍摄素材");
            await page.SaveScreenshotAsync("review-appeal.png", fullPage: true);
            await page.Locator("#appeal-decide").ClickAsync();

            await Expect(page.Locator(".appeal-outcome")).ToContainTextAsync("撤销原决定");
            await Expect(page.Locator("#case-state")).ToContainTextAsync("已处理");
            await Expect(page.Locator("#author-sanctions .sanction.active")).ToHaveCountAsync(0);
            await Expect(page.Locator("#author-sanctions .appeal-summary")).ToContainTextAsync("撤销原决定");
            await Expect(page.Locator("#case-history")).ToContainTextAsync("解除处置");
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-review-appeal.png", fullPage: true);
            throw;
        }
    }
}
