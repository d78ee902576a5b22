using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class AssignFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.assigner@example.cn";
    public const string Reviewer = "sweep.assignee@example.cn";

    public long Case { get; private set; }

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        Case = await ReviewDecisionApp.CreateCaseAsync(App.Services, "sweep-assigned", "sweep-assigned-author", MediaType.Text, null);
    }
}

/// <summary>The queue's assign dialog: a reviewer chosen by name, saved, reloaded and read back.</summary>
public sealed class AssignFormSweepTests(AssignFormSweepApp browser) : IClassFixture<AssignFormSweepApp>
{
    [Fact]
    public async Task The_assign_dialog_keeps_the_reviewer_chosen()
    {
        var page = await browser.SignedInPageAsync(AssignFormSweepApp.Manager);
        try
        {
            await page.GotoAsync("review");
            await page.WaitForInteractiveAsync();
            var row = page.Locator($"#case-{browser.Case}");
            await row.Locator(".assign").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.ChooseAsync("审核员", TestApp.ShownName(AssignFormSweepApp.Reviewer));
            await dialog.Locator("#assign-confirm").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            var assigned = row.Locator(".assigned");
            await Expect(assigned).ToHaveAttributeAsync("title", $"指派给 {TestApp.ShownName(AssignFormSweepApp.Reviewer)}");

            await using var scope = browser.App.As(AssignFormSweepApp.Manager);
            var detail = (await scope.Get<ReviewCaseQueryService>().GetAsync(browser.Case))!;
            Assert.Equal(TestApp.ShownName(AssignFormSweepApp.Reviewer), detail.Case.AssignedToName);
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync("failure-sweep-assign.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
