using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Exports.Sources;

public sealed class ComplaintTimeLimitTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekdaysOnly;

    // Due at the end of Friday 6 Nov 2026 (CST), as a limit in working days makes it.
    private static readonly DateTime DueEndOfFriday = RegistersApp.Utc(11, 7);

    [Fact]
    public void An_answer_at_the_due_time_is_in_time()
    {
        var judgement = ComplaintTimeLimit.Judge(DueEndOfFriday, DueEndOfFriday, DueEndOfFriday, TimeLimitUnit.WorkingDays, Calendar);
        Assert.Equal(new ComplaintTimeLimitJudgement(ComplaintTimeLimitResult.Within, null, null), judgement);
    }

    [Fact]
    public void An_answer_over_the_weekend_is_one_working_day_late_and_so_is_one_on_Monday()
    {
        Assert.Equal(1, ComplaintTimeLimit.WorkingDaysLate(DueEndOfFriday, RegistersApp.Utc(11, 7, 10), Calendar));
        Assert.Equal(1, ComplaintTimeLimit.WorkingDaysLate(DueEndOfFriday, RegistersApp.Utc(11, 9, 23, 59), Calendar));
        Assert.Equal(2, ComplaintTimeLimit.WorkingDaysLate(DueEndOfFriday, RegistersApp.Utc(11, 10, 0, 1), Calendar));
    }

    [Fact]
    public void Holidays_do_not_count_as_working_days_late()
    {
        var calendar = new WorkingCalendar([new CalendarDay { Date = new DateOnly(2026, 11, 9), Kind = CalendarDayKind.Holiday, Name = "假日" }]);
        Assert.Equal(1, ComplaintTimeLimit.WorkingDaysLate(DueEndOfFriday, RegistersApp.Utc(11, 10, 12), calendar));
    }

    [Fact]
    public void A_limit_in_hours_is_late_by_hours_only_and_an_unanswered_one_only_once_past_due()
    {
        var due = RegistersApp.Utc(11, 5, 12);
        var late = ComplaintTimeLimit.Judge(due, due.AddMinutes(90), due.AddDays(1), TimeLimitUnit.Hours, Calendar);
        Assert.Equal(new ComplaintTimeLimitJudgement(ComplaintTimeLimitResult.Late, 1.5m, null), late);
        Assert.Equal(ComplaintTimeLimitResult.Open, ComplaintTimeLimit.Judge(due, null, due, TimeLimitUnit.Hours, Calendar).Result);
        Assert.Equal(new ComplaintTimeLimitJudgement(ComplaintTimeLimitResult.Overdue, 3m, null), ComplaintTimeLimit.Judge(due, null, due.AddHours(3), TimeLimitUnit.Hours, Calendar));
    }
}
