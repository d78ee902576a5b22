using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Review;

/// <summary>When a flag is due, from the time it was received and its source's time limit.</summary>
public static class ReviewDeadlines
{
    /// <summary>
    /// Hours run on the clock. N working days end when the Nth working day after the day of receipt ends, in China
    /// Standard Time: a complaint received on Friday with one working day is due at the end of Monday.
    /// </summary>
    public static DateTime DueAt(DateTime receivedAtUtc, int amount, TimeLimitUnit unit, WorkingCalendar calendar)
    {
        if (unit == TimeLimitUnit.Hours) return receivedAtUtc.AddHours(amount);
        var day = DateOnly.FromDateTime(ChinaTime.FromUtc(receivedAtUtc));
        for (var counted = 0; counted < amount;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return ChinaTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>The limits a new installation starts with; a Manager changes them per source.</summary>
    public static (int Amount, TimeLimitUnit Unit) DefaultLimit(FlagSource source) => source switch
    {
        FlagSource.RegulatorNotice => (4, TimeLimitUnit.Hours),
        FlagSource.UserComplaint or FlagSource.Appeal => (15, TimeLimitUnit.WorkingDays),
        FlagSource.FeatureLibrary => (24, TimeLimitUnit.Hours),
        FlagSource.LabelCheck => (3, TimeLimitUnit.WorkingDays),
        _ => (2, TimeLimitUnit.WorkingDays),
    };

    public const int MaxHours = 24 * 90;
    public const int MaxWorkingDays = 60;
}
