using ComplianceConsole.Localization;

namespace ComplianceConsole.Tests.Localization;

public class ChinaTimeTests
{
    [Fact]
    public void A_day_picked_in_china_covers_sixteen_hundred_utc_the_day_before_to_sixteen_hundred_utc_that_day()
    {
        var day = new DateTime(2026, 11, 24);
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), ChinaTime.DayStartUtc(day));
        Assert.Equal(new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc), ChinaTime.DayEndUtc(day));
        Assert.Null(ChinaTime.DayStartUtc(null));
    }

    [Fact]
    public void Utc_times_are_shown_in_china_standard_time()
    {
        Assert.Equal("2026-11-25 07:59:59", ChinaTime.Format(new DateTime(2026, 11, 24, 23, 59, 59, DateTimeKind.Utc)));
        Assert.Equal("—", ChinaTime.Format((DateTime?)null)); // an empty field reads as empty, not as a rendering fault
    }

    [Fact]
    public void A_UTC_range_is_cut_into_the_China_days_it_touches()
    {
        var from = new DateTime(2026, 10, 31, 20, 0, 0, DateTimeKind.Utc); // 1 Nov 04:00 in China
        var to = new DateTime(2026, 11, 1, 18, 0, 0, DateTimeKind.Utc);    // 2 Nov 02:00 in China

        var days = ChinaTime.Days(from, to).ToList();

        Assert.Equal([(new DateOnly(2026, 11, 1), from, new DateTime(2026, 11, 1, 16, 0, 0, DateTimeKind.Utc)),
            (new DateOnly(2026, 11, 2), new DateTime(2026, 11, 1, 16, 0, 0, DateTimeKind.Utc), to)], days);
        Assert.Empty(ChinaTime.Days(to, to));
    }
}
