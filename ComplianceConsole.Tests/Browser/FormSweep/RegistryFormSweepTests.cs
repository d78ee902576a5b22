using ComplianceConsole.Data;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>A Manager of the registry, a platform user who consents, and a passed assessment a launch can stand on.</summary>
public sealed class RegistryFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.registry@example.cn";
    public const string PassedAssessment = "扫表：已通过的评估";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await ComplianceConsole.Tests.Review.ReviewDecisionApp.CreateCaseAsync(App.Services, "sweep-consent-content", "sweep-consenting-user",
            ComplianceConsole.Features.Review.MediaType.Text, null); // the platform user who consents
        await using var manager = App.As(Manager);
        var saved = await manager.Get<AssessmentService>().SaveAsync(new AssessmentForm
        {
            Subject = PassedAssessment, SubjectKind = AssessmentSubject.Function, Kind = AssessmentKind.Self, Status = AssessmentStatus.Passed,
            DueDate = SweepTyping.Day(-3), Findings = "无重大风险", Reviewer = "合规部",
        });
        Assert.True(saved.Succeeded);
    }
}

/// <summary>The registry's dialogs (filing, consent, assessment, launch): every field filled as a person does, saved, reloaded, read back.</summary>
public sealed class RegistryFormSweepTests(RegistryFormSweepApp browser) : IClassFixture<RegistryFormSweepApp>
{
    private Task SweepAsync(string name, Func<IPage, Task> sweep) => browser.SweepAsync(RegistryFormSweepApp.Manager, "registry-" + name, sweep);

    [Fact]
    public Task The_filing_dialog_keeps_every_value_typed_when_adding_and_editing() => SweepAsync("filing", async page =>
    {
        await page.GotoAsync("registry/filings");
        await page.WaitForInteractiveAsync();
        await page.Locator("#filing-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var number = "网信算备110108000000000000017号";
        await dialog.Field("filing-number").TypeCountedAsync(number, 64);
        await dialog.Field("filing-algorithm").TypeCountedAsync("扫表图像生成合成算法", RegistryRules.MaxNameLength);
        await dialog.ChooseAsync("备案主体角色", "技术支持者");
        await dialog.ChooseAsync("状态", "已变更");
        var filed = SweepTyping.Day(-40);
        await dialog.Field("filing-date").TypeDateAsync(filed);
        await dialog.Field("filing-displayed").TypeCountedAsync("App 设置-关于-算法备案", RegistryRules.MaxNameLength);
        await dialog.Locator("#filing-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var row = page.Locator("#filings tbody tr", new() { HasText = number });
        await Expect(row.Locator("td")).ToHaveTextAsync([number, "扫表图像生成合成算法", "技术支持者", filed.Text(), "已变更", "App 设置-关于-算法备案", ""]);

        // Edited: the dialog shows every saved value and keeps the changed ones.
        await row.GetByRole(AriaRole.Button, new() { Name = "编辑算法备案" }).ClickAsync();
        await Expect(dialog.Field("filing-number")).ToHaveValueAsync(number);
        await Expect(dialog.Field("filing-date")).ToHaveValueAsync(filed.Text());
        await Expect(dialog.Field("filing-displayed")).ToHaveValueAsync("App 设置-关于-算法备案");
        var refiled = SweepTyping.Day(-10);
        await dialog.Field("filing-algorithm").TypeCountedAsync("扫表图像生成合成算法（二版）", RegistryRules.MaxNameLength);
        await dialog.ChooseAsync("备案主体角色", "服务提供者");
        await dialog.ChooseAsync("状态", "有效");
        await dialog.Field("filing-date").TypeDateAsync(refiled);
        await dialog.Locator("#filing-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(row.Locator("td")).ToHaveTextAsync([number, "扫表图像生成合成算法（二版）", "服务提供者", refiled.Text(), "有效", "App 设置-关于-算法备案", ""]);
    });

    [Fact]
    public Task The_consent_dialog_keeps_every_value_typed() => SweepAsync("consent", async page =>
    {
        await page.GotoAsync("registry/consents");
        await page.WaitForInteractiveAsync();
        await page.Locator("#consent-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Field("consent-user").TypeCountedAsync("sweep-consenting-user", RegistryRules.MaxExternalIdLength);
        await dialog.Field("consent-depicted-ref").TypeCountedAsync("depicted-7781", RegistryRules.MaxExternalIdLength);
        await dialog.Field("consent-depicted-name").TypeCountedAsync("欧阳娜娜", 100);
        await dialog.ChooseAsync("可编辑内容", "人脸和人声");
        await dialog.Field("consent-scope").TypeCountedAsync("用于短视频换脸特效，仅限本人账号发布", RegistryRules.MaxScopeLength);
        var from = SweepTyping.Day(-2);
        var until = SweepTyping.Day(200);
        await dialog.Field("consent-from").TypeDateAsync(from);
        await dialog.Field("consent-until").TypeDateAsync(until);
        await dialog.ChooseAsync("同意方式", "录音录像声明");
        await dialog.Field("consent-reference").TypeCountedAsync("sweep-consent-001", RegistryRules.MaxExternalIdLength);
        await dialog.Locator("#consent-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var row = page.Locator(".mud-table-row", new() { HasText = "sweep-consent-001" });
        await Expect(row).ToContainTextAsync("sweep-consenting-user");
        await Expect(row).ToContainTextAsync("depicted-7781");
        await Expect(row).ToContainTextAsync("人脸和人声");
        await Expect(row).ToContainTextAsync("录音录像声明");
        await Expect(row).ToContainTextAsync(ChinaTime.Format(ChinaTime.DayStartUtc(from.ToDateTime(TimeOnly.MinValue))!.Value));
        // The last day typed is shown as its last second, never as the next day's midnight.
        await Expect(row).ToContainTextAsync($"{until:yyyy-MM-dd} 23:59:59");

        // The name is shown masked and the scope not at all: the stored record holds both as typed.
        var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var consent = await db.BiometricConsents.SingleAsync(c => c.ExternalId == "sweep-consent-001");
            Assert.Equal("欧阳娜娜", browser.App.Services.GetRequiredService<PiiProtector>().Decrypt(consent.DepictedPersonNameCipher));
            Assert.Equal(("用于短视频换脸特效，仅限本人账号发布", BiometricEdit.FaceAndVoice, ConsentMethod.RecordedStatement, "depicted-7781"),
                (consent.Scope, consent.Edits, consent.Method, consent.DepictedPersonRef));
            Assert.Equal((ChinaTime.DayStartUtc(from.ToDateTime(TimeOnly.MinValue)), ChinaTime.DayEndUtc(until.ToDateTime(TimeOnly.MinValue))),
                (consent.ValidFromUtc, consent.ValidUntilUtc));
        }
    });

    [Fact]
    public Task The_assessment_dialog_keeps_every_value_typed_when_adding_and_editing() => SweepAsync("assessment", async page =>
    {
        await page.GotoAsync("registry/assessments");
        await page.WaitForInteractiveAsync();
        await page.Locator("#assessment-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Field("assessment-subject").TypeCountedAsync("扫表：声音克隆模型", RegistryRules.MaxNameLength);
        await dialog.ChooseAsync("对象类型", "模型");
        await dialog.ChooseAsync("评估方式", "第三方评估");
        await dialog.ChooseAsync("状态", "进行中");
        var due = SweepTyping.Day(30);
        await dialog.Field("assessment-due").TypeDateAsync(due);
        await dialog.Field("assessment-reviewer").TypeCountedAsync("中国信通院", RegistryRules.MaxNameLength);
        await dialog.Field("assessment-findings").TypeCountedAsync("声纹相似度阈值偏低\n需补充活体检测", RegistryRules.MaxTextLength);
        await dialog.Field("assessment-remediation").TypeCountedAsync("上调阈值至 0.92", RegistryRules.MaxTextLength);
        await dialog.Locator("#assessment-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var row = page.Locator("#assessments .mud-table-row", new() { HasText = "扫表：声音克隆模型" });
        foreach (var text in new[] { "模型", "第三方评估", "进行中", due.Text(), "上调阈值至 0.92", "中国信通院", "声纹相似度阈值偏低" })
            await Expect(row).ToContainTextAsync(text);

        await row.GetByRole(AriaRole.Button, new() { Name = "编辑安全评估" }).ClickAsync();
        await Expect(dialog.Field("assessment-subject")).ToHaveValueAsync("扫表：声音克隆模型");
        await Expect(dialog.Field("assessment-due")).ToHaveValueAsync(due.Text());
        await Expect(dialog.Field("assessment-findings")).ToHaveValueAsync("声纹相似度阈值偏低\n需补充活体检测");
        await Expect(dialog.Field("assessment-reviewer")).ToHaveValueAsync("中国信通院");
        await dialog.ChooseAsync("状态", "已通过");
        var moved = SweepTyping.Day(12);
        await dialog.Field("assessment-due").TypeDateAsync(moved);
        await dialog.Locator("#assessment-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(row).ToContainTextAsync("已通过");
        await Expect(row).ToContainTextAsync(moved.Text());
        await using var scope = browser.App.As(RegistryFormSweepApp.Manager);
        var saved = (await scope.Get<AssessmentService>().GetPageAsync(new(), 0, 100)).Items.Single(a => a.Subject == "扫表：声音克隆模型");
        Assert.Equal((AssessmentSubject.Model, AssessmentKind.ThirdParty, AssessmentStatus.Passed, moved, "声纹相似度阈值偏低\n需补充活体检测", "上调阈值至 0.92", "中国信通院"),
            (saved.SubjectKind, saved.Kind, saved.Status, saved.DueDate, saved.Findings, saved.Remediation, saved.Reviewer));
    });

    [Fact]
    public Task The_launch_dialog_keeps_every_value_typed() => SweepAsync("launch", async page =>
    {
        await page.GotoAsync("registry/assessments");
        await page.WaitForInteractiveAsync();
        await page.Locator("#launch-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Field("launch-name").TypeCountedAsync("扫表：AI 换声特效", RegistryRules.MaxNameLength);
        await dialog.Field("launch-description").TypeCountedAsync("面向全部用户开放，默认添加显式标识", RegistryRules.MaxTextLength);
        await dialog.ChooseAsync("依据的安全评估", $"{RegistryFormSweepApp.PassedAssessment} (已通过)");
        var launched = SweepTyping.Day(-1);
        await dialog.Field("launch-date").TypeDateAsync(launched);
        await dialog.Locator("#launch-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var row = page.Locator("#launches .mud-table-row", new() { HasText = "扫表：AI 换声特效" });
        foreach (var text in new[] { "面向全部用户开放，默认添加显式标识", launched.Text(), RegistryFormSweepApp.PassedAssessment, TestApp.ShownName(RegistryFormSweepApp.Manager) })
            await Expect(row).ToContainTextAsync(text);
    });

    [Fact]
    public Task The_evidence_dialog_keeps_the_file_chosen() => SweepAsync("evidence", async page =>
    {
        await page.GotoAsync("registry/assessments");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("#assessments .mud-table-row", new() { HasText = RegistryFormSweepApp.PassedAssessment });
        await row.GetByRole(AriaRole.Button, new() { Name = "0 个文件" }).ClickAsync();
        var content = "%PDF-1.7\n扫表评估报告\n%%EOF"u8.ToArray();
        await page.Locator(".mud-dialog input[type=file]").ChooseFilesAsync(new FilePayload
        {
            Name = "扫表 第三方评估报告（终稿）.pdf", MimeType = "application/pdf", Buffer = content,
        });
        await Expect(page.Locator("#evidence-files")).ToContainTextAsync("扫表 第三方评估报告（终稿）.pdf");
        await page.Keyboard.PressAsync("Escape");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "1 个文件" }).ClickAsync();
        var cells = page.Locator("#evidence-files tbody tr td");
        await Expect(cells.Nth(0)).ToHaveTextAsync("扫表 第三方评估报告（终稿）.pdf");
        await Expect(cells.Nth(2)).ToHaveTextAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        await Expect(cells.Nth(3)).ToContainTextAsync(TestApp.ShownName(RegistryFormSweepApp.Manager));
        var download = await page.RunAndWaitForDownloadAsync(() => cells.Nth(0).GetByRole(AriaRole.Link).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray()); // the file kept byte for byte
    });
}
