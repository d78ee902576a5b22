using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.TimeLimitSettings;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-09-18", true)] // a Friday
    [InlineData("2026-09-19", false)] // a Saturday
    [InlineData("2026-09-20", true)] // a Sunday worked in exchange
    [InlineData("2026-10-01", false)] // a Thursday, National Day
    [InlineData("2026-10-04", false)] // a Sunday inside the holiday
    [InlineData("2026-10-08", true)] // the Thursday after it
    [InlineData("2026-10-10", true)] // a Saturday worked in exchange
    [InlineData("2026-10-11", false)] // the Sunday after it
    public void Weekdays_work_except_holidays_and_make_up_weekend_days_work_too(string date, bool working)
    {
        Assert.Equal(working, NationalDay2026.Calendar().IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Pasted_lines_are_read_with_chinese_or_english_kinds_and_comments_and_blank_lines_are_ignored()
    {
        var (days, errors) = WorkingCalendarRules.Parse("# 2026\n\n2026-10-01，休，国庆节\n2026/10/10\tMakeUpWorkday\t国庆节调休\r\n");
        Assert.Empty(errors);
        Assert.Equal([new CalendarDayEntry(new(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"), new CalendarDayEntry(new(2026, 10, 10), CalendarDayKind.MakeUpWorkday, "国庆节调休")], days);
    }

    [Fact]
    public void Every_bad_line_is_named_and_nothing_is_taken_from_a_paste_with_one()
    {
        var (_, errors) = WorkingCalendarRules.Parse("""
            2026-10-01,Holiday,国庆节
            2026-10-32,Holiday,国庆节
            2026-10-02,Vacation,国庆节
            2026-10-09,班,国庆节调休
            2026-10-03,Holiday
            2026-10-01,Holiday,国庆节
            2026-10-05,Holiday,
            """);
        Assert.Equal(["Calendar.Line.Date:2", "Calendar.Line.Kind:3", "Calendar.Line.MakeUpNotWeekend:4", "Calendar.Line.Fields:5", "Calendar.Line.Repeated:6", "Calendar.Line.NameRequired:7"],
            errors.Select(e => $"{e.MessageKey}:{e.Arguments[0]}"));
    }

    [Fact]
    public void A_make_up_working_day_must_be_a_weekend_day()
    {
        Assert.Equal("MakeUpNotWeekend", WorkingCalendarRules.Problem(new DateOnly(2026, 10, 9), CalendarDayKind.MakeUpWorkday, "调休"));
        Assert.Null(WorkingCalendarRules.Problem(new DateOnly(2026, 10, 10), CalendarDayKind.MakeUpWorkday, "调休"));
        Assert.Null(WorkingCalendarRules.Problem(new DateOnly(2026, 10, 3), CalendarDayKind.Holiday, "国庆节"));
    }
}
