using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.TimeLimitSettings;

/// <summary>
/// A National Day week as the State Council arranges them: Thursday 1 to Wednesday 7 October 2026 off, and two
/// weekend days worked in exchange, Sunday 20 September and Saturday 10 October.
/// </summary>
public static class NationalDay2026
{
    public const string Lines = """
        2026-09-20,MakeUpWorkday,国庆节调休
        2026-10-01,Holiday,国庆节
        2026-10-02,Holiday,国庆节
        2026-10-03,休,国庆节
        2026-10-04,休,国庆节
        2026-10-05,Holiday,国庆节
        2026-10-06,Holiday,国庆节
        2026-10-07,Holiday,国庆节
        2026-10-10,班,国庆节调休
        """;

    public static WorkingCalendar Calendar()
    {
        var (days, errors) = WorkingCalendarRules.Parse(Lines);
        Assert.Empty(errors);
        return new WorkingCalendar(days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    }

    /// <summary>A China Standard Time wall-clock time as the UTC instant stored.</summary>
    public static DateTime Cst(int year, int month, int day, int hour = 0, int minute = 0) =>
        ComplianceConsole.Localization.ChinaTime.ToUtc(new DateTime(year, month, day, hour, minute, 0));
}
