using System.Globalization;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>A Manager and a case by a platform user, each to be held.</summary>
public sealed class RetentionFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.retention@example.cn";
    public const string HeldUser = "sweep-held-user";

    public long HeldCase { get; private set; }

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        HeldCase = await ReviewDecisionApp.CreateCaseAsync(App.Services, "sweep-held-content", HeldUser, MediaType.Text, null);
    }
}

/// <summary>Legal holds on either target and the retention rules: every field typed, saved, reloaded and read back.</summary>
public sealed class RetentionFormSweepTests(RetentionFormSweepApp browser) : IClassFixture<RetentionFormSweepApp>
{
    private Task SweepAsync(string name, Func<IPage, Task> sweep) => browser.SweepAsync(RetentionFormSweepApp.Manager, name, sweep);

    [Fact]
    public Task The_legal_hold_form_keeps_every_value_typed_for_either_target() => SweepAsync("legal-holds", async page =>
    {
        await page.GotoAsync("registry/holds");
        await page.WaitForInteractiveAsync();
        var form = page.Locator("#hold-form");
        var caseReference = browser.HeldCase.ToString(CultureInfo.InvariantCulture);
        var holds = new[]
        {
            (Target: "平台用户", Reference: RetentionFormSweepApp.HeldUser, Reason: "用户投诉争议，法院调取证据"),
            (Target: "审核案件", Reference: caseReference, Reason: "网信办检查期间保留案件全部记录"),
        };
        foreach (var (target, reference, reason) in holds)
        {
            await form.ChooseAsync("对象", target);
            await form.Field("hold-reference").TypeCountedAsync(reference, 200);
            await form.Field("hold-reason").TypeCountedAsync(reason, LegalHoldService.MaxReasonLength);
            await page.Locator("#hold-place").ClickAsync();
            await Expect(page.Locator("#holds tbody tr", new() { HasText = reason })).ToHaveCountAsync(1);
        }

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        foreach (var (target, reference, reason) in holds)
        {
            var cells = page.Locator("#holds tbody tr", new() { HasText = reason }).Locator("td");
            await Expect(cells.Nth(0)).ToHaveTextAsync(target);
            await Expect(cells.Nth(1)).ToHaveTextAsync(reference);
            await Expect(cells.Nth(2)).ToHaveTextAsync(reason);
            await Expect(cells.Nth(3).Locator(".by")).ToHaveTextAsync(TestApp.ShownName(RetentionFormSweepApp.Manager));
        }

        // The user's hold lifted with a typed reason (the reason dialog), reloaded and read back.
        const string liftReason = "争议已由法院判决终结";
        var userRow = page.Locator("#holds tbody tr", new() { HasText = holds[0].Reason });
        await userRow.GetByRole(AriaRole.Button, new() { Name = "解除保全" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Field("reason-text").TypeCountedAsync(liftReason, ContentRules.MaxNoteLength);
        await dialog.Locator("#reason-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(userRow.Locator(".lifted")).ToContainTextAsync($"由 {TestApp.ShownName(RetentionFormSweepApp.Manager)} 解除：{liftReason}");
        await Expect(page.Locator("#holds tbody tr", new() { HasText = holds[1].Reason }).Locator(".mud-chip")).ToHaveTextAsync("生效中"); // the other stands

        await using var scope = browser.App.As(RetentionFormSweepApp.Manager);
        var saved = await scope.Get<LegalHoldService>().ListAsync();
        Assert.Contains(saved, h => h.Target == LegalHoldTarget.PlatformUser && h.TargetLabel == RetentionFormSweepApp.HeldUser && h.Reason == holds[0].Reason
            && h.LiftReason == liftReason && h.LiftedByName == TestApp.ShownName(RetentionFormSweepApp.Manager));
        Assert.Contains(saved, h => h.Target == LegalHoldTarget.ReviewCase && h.TargetId == browser.HeldCase && h.Reason == holds[1].Reason);
    });

    [Fact]
    public Task The_retention_rules_keep_every_number_typed() => SweepAsync("retention-rules", async page =>
    {
        await page.GotoAsync("registry/retention");
        await page.WaitForInteractiveAsync();
        var rules = new[] { (RetentionKind.ContentItems, 400), (RetentionKind.AuditEvents, 3650) };
        foreach (var (kind, days) in rules)
        {
            var row = page.Locator($"#rule-{kind}");
            await row.Field($"rule-days-{kind}").TypeTextAsync(days.ToString(CultureInfo.InvariantCulture));
            await row.Locator($"#rule-save-{kind}").ClickAsync();
            await Expect(row.Locator("td.changed")).ToContainTextAsync(TestApp.ShownName(RetentionFormSweepApp.Manager));
        }

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        foreach (var (kind, days) in rules)
        {
            var row = page.Locator($"#rule-{kind}");
            await Expect(row.Field($"rule-days-{kind}")).ToHaveValueAsync(days.ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("td.changed")).ToContainTextAsync(TestApp.ShownName(RetentionFormSweepApp.Manager));
        }
        await using var scope = browser.App.As(RetentionFormSweepApp.Manager);
        var saved = await scope.Get<RetentionRuleService>().GetAsync();
        foreach (var (kind, days) in rules)
            Assert.Equal((days, false), saved.Single(r => r.Kind == kind) is var r ? (r.Days, r.IsDefault) : default);
    });
}
