using System.Net;
using System.Net.Http.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using ComplianceConsole.Tests.Review.Appeals;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>One decided case per entry, each with a function restriction and the author's open appeal against it.</summary>
public sealed class AppealFormSweepApp : BrowserApp
{
    public const string Decider = "sweep.decider@example.cn";
    public const string Reviewer = "sweep.appeals@example.cn";

    public List<long> Cases { get; } = [];

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Decider, Roles.Reviewer);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await using var admin = App.As(TestApp.AdminEmail);
        var key = (await admin.Get<ApiKeyService>().CreateAsync("platform", [ReviewPermissions.SubmitAppeal])).Value!;
        using var platform = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        platform.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        for (var i = 0; i < AppealFormSweepTests.Entries.Count; i++)
        {
            var id = await ReviewDecisionApp.CreateCaseAsync(App.Services, $"sweep-appealed-{i}", $"sweep-appellant-{i}", MediaType.Text, null);
            await using (var decider = App.As(Decider))
            {
                Assert.True((await decider.Get<ReviewClaims>().ClaimAsync(id)).Succeeded);
                var version = await decider.Get<ReviewCaseQueryService>().VersionAsync(id);
                Assert.True((await decider.Get<ReviewDecisionService>().DecideAsync(id, version!.Value, new(DecisionOutcome.Removed, "rumour", null)
                {
                    Sanction = new SanctionRequest(SanctionKind.FunctionRestriction, "rumour", null, DateTime.UtcNow.AddDays(30)),
                })).Succeeded);
            }
            var appealed = await platform.PostAsJsonAsync("/api/v1/appeals", AppealTests.Appeal($"sweep-appeal-{i}", $"sweep-appellant-{i}", content: $"sweep-appealed-{i}"));
            Assert.Equal(HttpStatusCode.Created, appealed.StatusCode);
            Cases.Add(id);
        }
    }
}

public sealed record AppealEntry(int Index, AppealOutcome Outcome, string Reason, string ReasonText)
{
    public override string ToString() => $"{Outcome} ({Reason})";
}

/// <summary>The appeal decision form for each outcome: taken with 开始审核, every field filled, decided, reloaded and read back.</summary>
public sealed class AppealFormSweepTests(AppealFormSweepApp browser) : IClassFixture<AppealFormSweepApp>
{
    public static readonly IReadOnlyList<AppealEntry> Entries =
    [
        new(0, AppealOutcome.Upheld, "measure_proportionate", "处置措施适当"),
        new(1, AppealOutcome.Overturned, "procedural_error", "原决定程序有误"),
    ];

    public static TheoryData<AppealEntry> All => new(Entries);

    [Theory]
    [MemberData(nameof(All))]
    public async Task The_appeal_decision_form_keeps_every_value_typed(AppealEntry entry)
    {
        var caseId = browser.Cases[entry.Index];
        var page = await browser.SignedInPageAsync(AppealFormSweepApp.Reviewer);
        try
        {
            await page.GotoAsync($"review/cases/{caseId}?view=source:Appeal");
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#appeal-decide")).ToHaveCountAsync(0); // looking is not taking
            await page.Locator("#claim-take").ClickAsync();
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();

            await page.Locator($"#appeal-outcome-{entry.Outcome}").ClickAsync();
            await Expect(page.Locator($"#appeal-outcome-{entry.Outcome}")).ToHaveAttributeAsync("aria-pressed", "true");
            await page.Locator("#appeal-reason").SelectOptionAsync(entry.Reason);
            var note = $"扫表：申诉{entry.Outcome}，已核对原始素材与处置记录";
            await page.Field("appeal-note").TypeCountedAsync(note, ContentRules.MaxNoteLength);
            await Expect(page.Locator("#appeal-reason")).ToHaveValueAsync(entry.Reason);
            await page.Locator("#appeal-decide").ClickAsync();
            await Expect(page.Locator(".appeal-outcome")).ToContainTextAsync(entry.ReasonText);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            var shown = page.Locator("[id^='appeal-']", new() { Has = page.Locator(".appeal-outcome") });
            await Expect(shown.Locator(".appeal-state")).ToHaveTextAsync(entry.Outcome == AppealOutcome.Upheld ? "维持原决定" : "撤销原决定");
            await Expect(shown.Locator(".appeal-outcome")).ToContainTextAsync(entry.ReasonText);
            await Expect(shown).ToContainTextAsync(note);
            await Expect(shown).ToContainTextAsync(TestApp.ShownName(AppealFormSweepApp.Reviewer));
            await Expect(page.Locator("#author-sanctions .sanction.active")).ToHaveCountAsync(entry.Outcome == AppealOutcome.Upheld ? 1 : 0);

            await using var scope = browser.App.As(AppealFormSweepApp.Reviewer);
            var appeal = (await scope.Get<ReviewCaseQueryService>().GetAsync(caseId))!.Appeals.Single();
            Assert.Equal((AppealState.Decided, entry.Outcome, entry.Reason, note, TestApp.ShownName(AppealFormSweepApp.Reviewer)),
                (appeal.State, appeal.Outcome, appeal.ReasonCode, appeal.Note, appeal.DecidedByName));
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync($"failure-sweep-appeal-{entry.Outcome}.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
