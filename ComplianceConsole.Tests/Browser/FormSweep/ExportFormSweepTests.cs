using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class ExportFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.exports@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }
}

/// <summary>The export request form (kind, typed days, every filter, unmasked with a reason) and the export schedules form.</summary>
public sealed class ExportFormSweepTests(ExportFormSweepApp browser) : IClassFixture<ExportFormSweepApp>
{
    private Task SweepAsync(string name, Func<IPage, Task> sweep) => browser.SweepAsync(ExportFormSweepApp.Manager, name, sweep);

    private Task<AppDbContext> DbAsync() => browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    [Fact]
    public Task The_export_request_form_keeps_every_value_typed() => SweepAsync("export-request", async page =>
    {
        await page.GotoAsync("exports");
        await page.WaitForInteractiveAsync();
        var body = page.Locator("body");
        await body.ChooseAsync("报表类型", "实名认证台账");
        var from = SweepTyping.Day(-20);
        var to = SweepTyping.Day(-6);
        await page.Field("export-from").TypeDateAsync(from);
        await page.Field("export-to").TypeDateAsync(to);
        await Expect(page.Locator("#export-preset").Locator("..")).ToContainTextAsync("自定义"); // typing a day makes the period one's own
        await body.ChooseAsync("状态", "已驳回");
        await body.ChooseAsync("认证方式", "手机号码");
        await page.Locator("#export-unmasked input, input#export-unmasked").First.CheckAsync();
        const string reason = "网信办 2026 年第 17 号调查函要求提供原始手机号码";
        await page.Field("export-reason").TypeCountedAsync(reason, ExportFormRules.ReasonMaxLength);
        await page.Locator("#export-submit").ClickAsync();
        await Expect(page.Locator(".job-panel")).ToBeVisibleAsync();

        await page.GotoAsync("exports/history");
        await page.WaitForInteractiveAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var options = page.Locator("tr[id^='export-'] .export-options").First;
        var fromUtc = ChinaTime.DayStartUtc(from.ToDateTime(TimeOnly.MinValue))!.Value;
        var toUtc = ChinaTime.DayEndUtc(to.ToDateTime(TimeOnly.MinValue))!.Value;
        await Expect(options.Locator("div")).ToHaveTextAsync(
            ["#1 实名认证台账", $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}", "状态: 已驳回", "认证方式: 手机号码", "未脱敏"]);

        await using var db = await DbAsync();
        var job = await db.ExportJobs.SingleAsync();
        Assert.Equal((ExportKind.VerificationLedger, fromUtc, toUtc, true, reason), (job.Kind, job.FromUtc, job.ToUtc, job.Unmasked, job.UnmaskReason));
        Assert.Equal(new Dictionary<string, string> { ["status"] = "Rejected", ["method"] = "MobileNumber" },
            JsonSerializer.Deserialize<Dictionary<string, string>>(job.FiltersJson));
    });

    [Fact]
    public Task The_export_schedule_form_keeps_every_value_typed() => SweepAsync("export-schedule", async page =>
    {
        await page.GotoAsync("exports/schedules");
        await page.WaitForInteractiveAsync();
        var body = page.Locator("body");
        await body.ChooseAsync("报表类型", "用户处置登记");
        await body.ChooseAsync("期间", "每周一生成上一周");
        var time = page.Field("schedule-time");
        await time.ClickAsync();
        await time.PressAsync("ControlOrMeta+a");
        await time.PressSequentiallyAsync("07:45");
        await time.PressAsync("Tab");
        await Expect(time).ToHaveValueAsync("07:45");
        await page.Locator("#schedule-add").ClickAsync();
        await Expect(page.Locator(".export-schedules tbody tr")).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var cells = page.Locator(".export-schedules tbody tr td");
        await Expect(cells.Nth(1)).ToHaveTextAsync("用户处置登记");
        await Expect(cells.Nth(2)).ToHaveTextAsync("每周一生成上一周");
        await Expect(cells.Nth(3)).ToHaveTextAsync("07:45");
        await Expect(cells.Nth(4)).ToHaveTextAsync(TestApp.ShownName(ExportFormSweepApp.Manager));

        await using var db = await DbAsync();
        var schedule = await db.ExportSchedules.SingleAsync();
        Assert.Equal((ExportKind.SanctionsRegister, ExportSchedulePeriod.PreviousWeek, 7 * 60 + 45),
            (schedule.Kind, schedule.Period, schedule.MinuteOfDayCst));
    });
}
