using System.Globalization;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

public sealed class TimeLimitFormSweepApp : BrowserApp
{
    public const string Manager = "sweep.limits@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }
}

/// <summary>The working calendar (a day added with its date typed, lines pasted) and the time limits page: saved, reloaded, read back.</summary>
public sealed class TimeLimitFormSweepTests(TimeLimitFormSweepApp browser) : IClassFixture<TimeLimitFormSweepApp>
{
    private Task SweepAsync(string name, Func<IPage, Task> sweep) => browser.SweepAsync(TimeLimitFormSweepApp.Manager, name, sweep);

    private static DateOnly SaturdayFrom(DateOnly day) => day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);

    [Fact]
    public Task The_working_calendar_keeps_every_day_typed_or_pasted() => SweepAsync("calendar", async page =>
    {
        // All in next year, which nothing else lists: the page opens on this year and is moved on by its own button.
        var year = SweepTyping.Day(0).Year + 1;
        var holiday = new DateOnly(year, 10, 1);
        var makeUp = SaturdayFrom(holiday.AddDays(7));
        var pastedHoliday = new DateOnly(year, 5, 1);
        var pastedMakeUp = SaturdayFrom(pastedHoliday.AddDays(-9)); // a weekend day in the week or so before

        await page.GotoAsync("review/calendar");
        await page.WaitForInteractiveAsync();
        var form = page.Locator(".mud-paper", new() { Has = page.Locator("#calendar-add") });
        await page.Field("calendar-date").TypeDateAsync(holiday);
        await form.ChooseAsync("类别", "法定节假日");
        await page.Field("calendar-name").TypeCountedAsync("扫表国庆节", WorkingCalendarRules.MaxNameLength);
        await page.Locator("#calendar-add").ClickAsync();
        await Expect(page.Locator("#calendar-year")).ToHaveTextAsync(year.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#calendar-days")).ToContainTextAsync("扫表国庆节");

        await page.Field("calendar-date").TypeDateAsync(makeUp);
        await form.ChooseAsync("类别", "调休上班日");
        await page.Field("calendar-name").TypeCountedAsync("扫表国庆节调休", WorkingCalendarRules.MaxNameLength);
        await page.Locator("#calendar-add").ClickAsync();
        await Expect(page.Locator("#calendar-days")).ToContainTextAsync("扫表国庆节调休");

        var pasted = $"{pastedHoliday.Text()},Holiday,扫表劳动节\n{pastedMakeUp.Text()}，班，扫表劳动节调休";
        await page.Field("calendar-paste").TypeTextAsync(pasted);
        await page.Locator("#calendar-paste-save").ClickAsync();
        await Expect(page.Locator("#calendar-days")).ToContainTextAsync("扫表劳动节调休");
        await Expect(page.Field("calendar-paste")).ToHaveValueAsync("");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#calendar-next-year").ClickAsync();
        await Expect(page.Locator("#calendar-year")).ToHaveTextAsync(year.ToString(CultureInfo.InvariantCulture));
        var expected = new[]
        {
            (pastedMakeUp, "调休上班日", "扫表劳动节调休"), (pastedHoliday, "法定节假日", "扫表劳动节"),
            (holiday, "法定节假日", "扫表国庆节"), (makeUp, "调休上班日", "扫表国庆节调休"),
        }.OrderBy(d => d.Item1).ToArray();
        var rows = page.Locator("#calendar-days tbody tr");
        await Expect(rows).ToHaveCountAsync(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (date, kind, name) = expected[i];
            await Expect(rows.Nth(i).Locator("td").Nth(0)).ToContainTextAsync(date.Text());
            await Expect(rows.Nth(i).Locator("td").Nth(1)).ToHaveTextAsync(kind);
            await Expect(rows.Nth(i).Locator("td").Nth(2)).ToHaveTextAsync(name);
        }
        await using var scope = browser.App.As(TimeLimitFormSweepApp.Manager);
        var days = await scope.Get<WorkingCalendarService>().ListAsync(year);
        Assert.Equal(expected.Select(d => (d.Item1, d.Item3)), days.Select(d => (d.Date, d.Name)));
        Assert.Equal([CalendarDayKind.MakeUpWorkday, CalendarDayKind.Holiday, CalendarDayKind.Holiday, CalendarDayKind.MakeUpWorkday],
            days.Select(d => d.Kind));
    });

    [Fact]
    public Task The_time_limits_page_keeps_every_limit_typed() => SweepAsync("time-limits", async page =>
    {
        await page.GotoAsync("review/time-limits");
        await page.WaitForInteractiveAsync();
        var limits = new[] { (FlagSource.UserComplaint, 36, TimeLimitUnit.Hours, "小时"), (FlagSource.FeatureLibrary, 4, TimeLimitUnit.WorkingDays, "工作日") };
        foreach (var (source, amount, unit, unitText) in limits)
        {
            var paper = page.Locator($"#limit-{source}");
            await paper.ChooseAsync("单位", unitText);
            await paper.Field($"limit-amount-{source}").TypeTextAsync(amount.ToString(CultureInfo.InvariantCulture));
            await paper.Locator($"#limit-save-{source}").ClickAsync();
            await Expect(paper.Locator(".limit-changed")).ToContainTextAsync(TestApp.ShownName(TimeLimitFormSweepApp.Manager));
        }

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        foreach (var (source, amount, unit, _) in limits)
        {
            var paper = page.Locator($"#limit-{source}");
            await Expect(paper.Field($"limit-amount-{source}")).ToHaveValueAsync(amount.ToString(CultureInfo.InvariantCulture));
            await Expect(paper.Locator(".limit-changed")).ToContainTextAsync(TestApp.ShownName(TimeLimitFormSweepApp.Manager));
            await Expect(paper.Locator($"#limit-example-{source}")).ToContainTextAsync(unit == TimeLimitUnit.Hours ? "前处理完毕" : $"第 {amount} 个工作日");
        }
        await using var scope = browser.App.As(TimeLimitFormSweepApp.Manager);
        var saved = await scope.Get<TimeLimitSettingsService>().GetAsync();
        foreach (var (source, amount, unit, _) in limits)
            Assert.Equal((amount, unit, false), saved.Single(r => r.Source == source) is var r ? (r.Amount, r.Unit, r.IsDefault) : default);
    });

    [Fact]
    public Task A_limit_typed_beyond_its_range_is_refused_with_the_range_instead_of_cut_to_it() => SweepAsync("time-limit-range", async page =>
    {
        await page.GotoAsync("review/time-limits");
        await page.WaitForInteractiveAsync();
        var paper = page.Locator($"#limit-{FlagSource.RegulatorNotice}");
        await paper.ChooseAsync("单位", "小时");
        foreach (var typed in new[] { "0", "5000" })
        {
            await paper.Field($"limit-amount-{FlagSource.RegulatorNotice}").TypeTextAsync(typed);
            await paper.Locator($"#limit-save-{FlagSource.RegulatorNotice}").ClickAsync();
            await Expect(paper).ToContainTextAsync($"时限应为 1 至 {ReviewDeadlines.MaxHours} 小时");
            await Expect(paper.Field($"limit-amount-{FlagSource.RegulatorNotice}")).ToHaveValueAsync(typed);
        }
        await using var scope = browser.App.As(TimeLimitFormSweepApp.Manager);
        Assert.True((await scope.Get<TimeLimitSettingsService>().GetAsync()).Single(r => r.Source == FlagSource.RegulatorNotice).IsDefault);
    });
}
