using ComplianceConsole.Features.Review;
using static ComplianceConsole.Tests.Review.TimeLimitSettings.NationalDay2026;

namespace ComplianceConsole.Tests.Review.TimeLimitSettings;

public sealed class ReviewDeadlinesTests
{
    private static DateTime Due(DateTime receivedUtc, int amount, TimeLimitUnit unit, WorkingCalendar? calendar = null) =>
        ReviewDeadlines.DueAt(receivedUtc, amount, unit, calendar ?? WorkingCalendar.WeekdaysOnly);

    [Fact]
    public void One_working_day_from_a_friday_ends_with_monday()
    {
        Assert.Equal(Cst(2026, 11, 24), Due(Cst(2026, 11, 20, 10), 1, TimeLimitUnit.WorkingDays));
    }

    [Fact]
    public void Fifteen_working_days_skip_three_weekends()
    {
        // Wednesday 25 November: 26, 27, 30 Nov, 1-4 Dec, 7-11 Dec, 14-16 Dec are the fifteen.
        Assert.Equal(Cst(2026, 12, 17), Due(Cst(2026, 11, 25, 9), 15, TimeLimitUnit.WorkingDays));
    }

    [Fact]
    public void The_national_day_week_is_skipped_and_its_make_up_saturday_is_counted()
    {
        var received = Cst(2026, 9, 30, 15);
        // 1-7 October are off; Thursday 8 and Friday 9 count, and so does Saturday 10, worked in exchange.
        Assert.Equal(Cst(2026, 10, 11), Due(received, 3, TimeLimitUnit.WorkingDays, Calendar()));
        // On a plain Monday-to-Friday week the same limit would have ended on Monday 5 October.
        Assert.Equal(Cst(2026, 10, 6), Due(received, 3, TimeLimitUnit.WorkingDays));
    }

    [Fact]
    public void A_make_up_sunday_counts_as_a_working_day()
    {
        Assert.Equal(Cst(2026, 9, 21), Due(Cst(2026, 9, 18, 16), 1, TimeLimitUnit.WorkingDays, Calendar()));
    }

    [Fact]
    public void A_flag_received_on_a_holiday_counts_from_the_next_working_day()
    {
        Assert.Equal(Cst(2026, 10, 9), Due(Cst(2026, 10, 3, 11), 1, TimeLimitUnit.WorkingDays, Calendar()));
    }

    [Fact]
    public void The_day_of_receipt_is_the_china_date_not_the_utc_date()
    {
        // 07:00 on Monday in Beijing is still Sunday in UTC: one working day ends with Tuesday, not Monday.
        var received = Cst(2026, 11, 23, 7);
        Assert.Equal(DayOfWeek.Sunday, received.DayOfWeek);
        Assert.Equal(Cst(2026, 11, 25), Due(received, 1, TimeLimitUnit.WorkingDays));
    }

    [Fact]
    public void Hours_run_on_the_clock_across_midnight_and_through_holidays()
    {
        Assert.Equal(Cst(2026, 11, 26, 2, 30), Due(Cst(2026, 11, 25, 22, 30), 4, TimeLimitUnit.Hours));
        Assert.Equal(Cst(2026, 10, 2, 9), Due(Cst(2026, 10, 1, 9), 24, TimeLimitUnit.Hours, Calendar()));
    }

    [Fact]
    public void Due_times_are_utc_instants()
    {
        var due = Due(Cst(2026, 11, 20, 10), 1, TimeLimitUnit.WorkingDays);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), due);
    }
}
