using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplianceConsole.Tests.Review.TimeLimitSettings.NationalDay2026;

namespace ComplianceConsole.Tests.Review.TimeLimitSettings;

public sealed class TimeLimitSettingsTests : SetUpAppTest
{
    private const string Manager = "manager@example.cn";

    protected override Task ArrangeAsync() => App.CreateStaffAsync(Manager, Roles.Manager);

    /// <summary>The due time ingestion would give a complaint received at this moment, from the limits and calendar as stored.</summary>
    private async Task<DateTime> ComplaintDueAsync(DateTime receivedUtc)
    {
        await using var db = await App.Services.ReadContextAsync();
        return (await TimeLimits.LoadAsync(db, CancellationToken.None)).DueAt(FlagSource.UserComplaint, receivedUtc);
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var db = await App.Services.ReadContextAsync();
        return await db.AuditEvents.CountAsync(e => e.Action == action);
    }

    [Fact]
    public async Task Sources_start_on_their_defaults_and_a_change_moves_the_due_time_of_the_next_complaint()
    {
        await using var scope = App.As(Manager);
        var settings = scope.Get<TimeLimitSettingsService>();
        var complaint = (await settings.GetAsync()).Single(r => r.Source == FlagSource.UserComplaint);
        Assert.Equal((15, TimeLimitUnit.WorkingDays, true, 0), (complaint.Amount, complaint.Unit, complaint.IsDefault, complaint.Version));
        var received = Cst(2026, 9, 30, 15);
        Assert.Equal(Cst(2026, 10, 22), await ComplaintDueAsync(received)); // 15 weekdays from 1 October

        var form = new SourceTimeLimitForm { Source = FlagSource.UserComplaint, Amount = 3, Unit = TimeLimitUnit.WorkingDays, Version = complaint.Version };
        Assert.True((await settings.SaveAsync(form)).Succeeded);
        Assert.Equal(Cst(2026, 10, 6), await ComplaintDueAsync(received));

        var saved = (await settings.GetAsync()).Single(r => r.Source == FlagSource.UserComplaint);
        Assert.Equal((3, false, 1, TestApp.ShownName(Manager)), (saved.Amount, saved.IsDefault, saved.Version, saved.UpdatedByName));
        Assert.Equal(1, await AuditCountAsync(AuditActions.TimeLimitsChanged));

        // Someone who read the default before this change gets a conflict.
        Assert.Equal(ResultOutcome.Conflict, (await settings.SaveAsync(new SourceTimeLimitForm { Source = FlagSource.UserComplaint, Amount = 5, Unit = TimeLimitUnit.WorkingDays, Version = 0 })).Outcome);
        Assert.Equal(Cst(2026, 10, 6), await ComplaintDueAsync(received));
    }

    [Fact]
    public async Task Limits_out_of_bounds_are_refused_per_unit()
    {
        await using var scope = App.As(Manager);
        var settings = scope.Get<TimeLimitSettingsService>();
        var tooManyDays = await settings.SaveAsync(new SourceTimeLimitForm { Source = FlagSource.Staff, Amount = ReviewDeadlines.MaxWorkingDays + 1, Unit = TimeLimitUnit.WorkingDays });
        Assert.Equal("TimeLimits.OutOfRange.WorkingDays", Assert.Single(tooManyDays.Errors).MessageKey);
        var zeroHours = await settings.SaveAsync(new SourceTimeLimitForm { Source = FlagSource.Staff, Amount = 0, Unit = TimeLimitUnit.Hours });
        Assert.Equal("TimeLimits.OutOfRange.Hours", Assert.Single(zeroHours.Errors).MessageKey);
        Assert.True((await settings.SaveAsync(new SourceTimeLimitForm { Source = FlagSource.Staff, Amount = ReviewDeadlines.MaxHours, Unit = TimeLimitUnit.Hours })).Succeeded);
    }

    [Fact]
    public async Task Calendar_days_added_pasted_and_removed_move_the_due_time_and_are_audited()
    {
        await using var scope = App.As(Manager);
        var calendar = scope.Get<WorkingCalendarService>();
        await scope.Get<TimeLimitSettingsService>().SaveAsync(new SourceTimeLimitForm { Source = FlagSource.UserComplaint, Amount = 3, Unit = TimeLimitUnit.WorkingDays });
        var received = Cst(2026, 9, 30, 15);
        Assert.Equal(Cst(2026, 10, 6), await ComplaintDueAsync(received));

        Assert.True((await calendar.AddAsync(new CalendarDayForm { Date = new DateTime(2026, 10, 1), Kind = CalendarDayKind.Holiday, Name = "国庆节" })).Succeeded);
        Assert.Equal(Cst(2026, 10, 7), await ComplaintDueAsync(received));
        var again = await calendar.AddAsync(new CalendarDayForm { Date = new DateTime(2026, 10, 1), Kind = CalendarDayKind.Holiday, Name = "国庆节" });
        Assert.Equal("Calendar.AlreadyListed", Assert.Single(again.Errors).MessageKey);

        Assert.True((await calendar.PasteAsync(Lines)).Succeeded);
        Assert.Equal(Cst(2026, 10, 11), await ComplaintDueAsync(received)); // 8, 9 and the make-up Saturday 10 October
        Assert.Equal(9, (await calendar.ListAsync(2026)).Count);
        Assert.Empty(await calendar.ListAsync(2027));

        Assert.True((await calendar.RemoveAsync(new DateOnly(2026, 10, 10))).Succeeded);
        Assert.Equal(Cst(2026, 10, 13), await ComplaintDueAsync(received)); // Saturday no longer worked: 8, 9, 12 October
        Assert.Equal("Calendar.AlreadyRemoved", (await calendar.RemoveAsync(new DateOnly(2026, 10, 10))).RefusalKey);
        Assert.Equal(3, await AuditCountAsync(AuditActions.CalendarChanged));
    }

    [Fact]
    public async Task A_paste_with_one_bad_line_keeps_nothing()
    {
        await using var scope = App.As(Manager);
        var calendar = scope.Get<WorkingCalendarService>();
        var result = await calendar.PasteAsync("2026-10-01,Holiday,国庆节\n2026-10-09,MakeUpWorkday,调休");
        Assert.Equal(("Calendar.Line.MakeUpNotWeekend", 2), (Assert.Single(result.Errors).MessageKey, result.Errors[0].Arguments[0]));
        Assert.Empty(await calendar.ListAsync(2026));
        var weekday = await calendar.AddAsync(new CalendarDayForm { Date = new DateTime(2026, 10, 9), Kind = CalendarDayKind.MakeUpWorkday, Name = "调休" });
        Assert.Equal(("Date", "Calendar.MakeUpNotWeekend"), (Assert.Single(weekday.Errors).Field, weekday.Errors[0].MessageKey));
    }

    [Fact]
    public async Task Only_a_manager_may_change_limits_or_the_calendar()
    {
        await App.CreateStaffAsync("reviewer@example.cn", Roles.Reviewer);
        await using var scope = App.As("reviewer@example.cn");
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<TimeLimitSettingsService>().SaveAsync(new SourceTimeLimitForm { Source = FlagSource.Staff, Amount = 1, Unit = TimeLimitUnit.Hours }));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<WorkingCalendarService>().PasteAsync(Lines));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<WorkingCalendarService>().RemoveAsync(new DateOnly(2026, 10, 1)));
    }
}
