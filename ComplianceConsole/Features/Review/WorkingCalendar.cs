namespace ComplianceConsole.Features.Review;

/// <summary>
/// Which China Standard Time days are working days: Monday to Friday, except public holidays, plus the weekend days
/// worked in exchange (调休). A Manager keeps the exceptions as <see cref="CalendarDay"/> rows.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public WorkingCalendar(IEnumerable<CalendarDay> exceptions)
    {
        var days = exceptions.ToList();
        _holidays = days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        _makeUpWorkdays = days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).ToHashSet();
    }

    public static readonly WorkingCalendar WeekdaysOnly = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}
