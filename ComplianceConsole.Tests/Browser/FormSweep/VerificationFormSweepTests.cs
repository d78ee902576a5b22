using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>A Verifier, a Manager (who reads the audit log) and pending records of their own for each form.</summary>
public sealed class VerificationFormSweepApp : BrowserApp
{
    public const string Verifier = "sweep.verifier@example.cn";
    public const string Manager = "sweep.verification.manager@example.cn";

    public const string VerifiedUser = "sweep-v-verify";
    public const string RejectedUser = "sweep-v-reject";
    public const string RevealedUser = "sweep-v-reveal";
    public const string BulkUserA = "sweep-v-bulk-a";
    public const string BulkUserB = "sweep-v-bulk-b";

    public Dictionary<string, long> Ids { get; } = [];

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await App.CreateStaffAsync(Manager, Roles.Manager);
        (string User, VerificationMethod Method, string Identifier, string Name)[] records =
        [
            (VerifiedUser, VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜"),
            (RejectedUser, VerificationMethod.MobileNumber, "13812341234", "张三"),
            (RevealedUser, VerificationMethod.ResidentIdCard, "110101199003074477", "司马相如"),
            (BulkUserA, VerificationMethod.MobileNumber, "13912345678", "李四"),
            (BulkUserB, VerificationMethod.UnifiedSocialCreditCode, "91330100799655058B", "杭州智影科技有限公司"),
        ];
        foreach (var (user, method, identifier, name) in records)
            Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(
                new VerificationSubmission(user, null, null, method, identifier, name, DateTime.UtcNow.AddDays(-1))));

        await using var scope = App.As(Verifier);
        foreach (var (user, _, _, _) in records)
        {
            var page = await scope.Get<VerificationQueryService>().GetPageAsync(
                new VerificationPageRequest(new VerificationFilter { Search = user }, VerificationSort.SubmittedNewest, 10));
            Ids[user] = page.Items.Single().Id;
        }
    }
}

/// <summary>
/// The verification forms: the decide dialog (verify, and reject with a reason and a note), the reveal dialog (its reason read
/// back from the audit log) and the bulk action bar, each typed, saved, reloaded and read back.
/// </summary>
public sealed class VerificationFormSweepTests(VerificationFormSweepApp browser) : IClassFixture<VerificationFormSweepApp>
{
    private Task SweepAsync(string name, Func<IPage, Task> sweep) => browser.SweepAsync(VerificationFormSweepApp.Verifier, name, sweep);

    private static ILocator Detail(IPage page, string term) => page.Locator($"dl.record-details dt:text-is(\"{term}\") + dd");

    private async Task<VerificationDetail> SavedAsync(string user)
    {
        await using var scope = browser.App.As(VerificationFormSweepApp.Verifier);
        return (await scope.Get<VerificationQueryService>().GetDetailAsync(browser.Ids[user]))!;
    }

    [Fact]
    public Task The_decide_dialog_keeps_the_reason_and_note_of_a_verification_and_a_rejection() => SweepAsync("decide", async page =>
    {
        var decisions = new[]
        {
            (User: VerificationFormSweepApp.VerifiedUser, Action: VerificationAction.Verify, Reason: (string?)null, Note: "证件照片与本人一致，已电话回访确认", Status: "已核验"),
            (User: VerificationFormSweepApp.RejectedUser, Action: VerificationAction.Reject, Reason: "identity_mismatch",
                Note: "手机号实名登记人为“张叁”\n与提交姓名不符，请重新提交", Status: "已驳回"),
        };
        var reasonNames = new Dictionary<string, string> { ["identity_mismatch"] = "证件信息与姓名不符" };
        foreach (var (user, action, reason, note, status) in decisions)
        {
            await page.GotoAsync($"verification/{browser.Ids[user]}");
            await page.WaitForInteractiveAsync();
            await page.Locator($"#action-{action}").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            if (reason is not null) await dialog.ChooseAsync("原因", reasonNames[reason]);
            await dialog.Field("decision-note").TypeCountedAsync(note, VerificationRules.MaxNoteLength);
            await dialog.Locator("#decision-confirm").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.Locator(".status-chip").First).ToHaveTextAsync(status);

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator(".status-chip").First).ToHaveTextAsync(status);
            await Expect(Detail(page, "原因")).ToHaveTextAsync(reason is null ? Display.Dash : reasonNames[reason]);
            await Expect(Detail(page, "备注")).ToHaveTextAsync(note);
            await Expect(Detail(page, "处理时间")).ToContainTextAsync(TestApp.ShownName(VerificationFormSweepApp.Verifier));
            var latest = page.Locator("#history .mud-timeline-item", new() { HasText = $"待审核 → {status}" });
            if (reason is not null) await Expect(latest).ToContainTextAsync($" · {reasonNames[reason]}");
            await Expect(latest.Locator(".note")).ToHaveTextAsync(note);

            var saved = await SavedAsync(user);
            Assert.Equal((reason, note), (saved.Record.ReasonCode, saved.Note));
            Assert.Equal(note, saved.History[^1].Note);
        }
    });

    [Fact]
    public Task The_reveal_dialog_audits_the_reason_typed() => SweepAsync("reveal", async page =>
    {
        var id = browser.Ids[VerificationFormSweepApp.RevealedUser];
        await page.GotoAsync($"verification/{id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#identifier")).ToHaveTextAsync("110101********4477");
        await page.Locator("#reveal").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        const string reason = "用户申诉称被冒用身份，核对证件原文（工单 #2026-118）";
        await dialog.Field("reveal-reason").TypeCountedAsync(reason, ComplianceConsole.Security.Pii.PiiReveal.MaxReasonLength);
        await dialog.Locator("#reveal-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#identifier")).ToHaveTextAsync("110101199003074477");
        await Expect(page.Locator("#real-name")).ToHaveTextAsync("司马相如");

        await page.ReloadAsync(); // the page promises the clear text for that view only
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#identifier")).ToHaveTextAsync("110101********4477");
        await Expect(page.Locator("#real-name")).Not.ToHaveTextAsync("司马相如");

        await using var scope = browser.App.As(VerificationFormSweepApp.Manager);
        var audit = await scope.Get<AuditQueryService>().GetPageAsync(new AuditFilter(Action: AuditActions.PiiRevealed), PageAnchor.First, null, 50);
        var row = Assert.Single(audit.Items, r => r.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(VerificationFormSweepApp.Verifier, row.ActorName); // the log names staff by their sign-in
        using var details = JsonDocument.Parse(row.Details!);
        Assert.Equal(reason, details.RootElement.GetProperty("reason").GetString());
    });

    [Fact]
    public Task The_bulk_action_bar_writes_the_action_reason_and_note_on_every_record_chosen() => SweepAsync("bulk-bar", async page =>
    {
        await page.GotoAsync("verification");
        await page.WaitForInteractiveAsync();
        string[] users = [VerificationFormSweepApp.BulkUserA, VerificationFormSweepApp.BulkUserB];
        foreach (var user in users)
            await page.Locator("tr", new() { HasText = user }).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("#bulk-open").ClickAsync();
        var bar = page.Locator(".mud-paper", new() { Has = page.Locator("#bulk-selected") });
        await bar.ChooseAsync("操作", "驳回");
        await bar.ChooseAsync("原因", "其他");
        const string note = "两条记录的证件照片为同一张网络图片（批量核查 2026-12）";
        await bar.Locator(".bulk-note input").TypeCountedAsync(note, VerificationRules.MaxNoteLength);
        await bar.Locator("#bulk-selected").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("将对 2 条记录执行“驳回”");
        await Expect(confirm).ToContainTextAsync("原因：其他");
        await Expect(confirm).ToContainTextAsync($"备注：“{note}”");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "执行" }).ClickAsync();
        await Expect(page.Locator("#bulk-result .job-summary")).ToContainTextAsync("2 条已更改");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        foreach (var user in users)
            await Expect(page.Locator("tr", new() { HasText = user })).ToContainTextAsync("已驳回");
        await page.GotoAsync($"verification/{browser.Ids[users[0]]}");
        await page.WaitForInteractiveAsync();
        await Expect(Detail(page, "原因")).ToHaveTextAsync("其他");
        await Expect(Detail(page, "备注")).ToHaveTextAsync(note);

        foreach (var user in users)
        {
            var saved = await SavedAsync(user);
            Assert.Equal((VerificationStatus.Rejected, VerificationTransitions.OtherReason, note), (saved.Record.Status, saved.Record.ReasonCode, saved.Note));
        }
    });
}
