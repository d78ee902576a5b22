using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Exports;

/// <summary>The export page's ready-made periods.</summary>
public enum ExportPeriodPreset { Yesterday, LastWeek, LastMonth, ThisMonth, Custom }

/// <summary>Periods as China Standard Time calendar days (both included), weeks from Monday, and when schedules run.</summary>
public static class ExportPeriods
{
    /// <summary>The days a preset covers, seen from <paramref name="nowUtc"/>; null for <see cref="ExportPeriodPreset.Custom"/>.</summary>
    public static (DateTime FromDay, DateTime ToDay)? Of(ExportPeriodPreset preset, DateTime nowUtc)
    {
        var today = ChinaTime.FromUtc(nowUtc).Date;
        return preset switch
        {
            ExportPeriodPreset.Yesterday => Previous(ExportSchedulePeriod.PreviousDay, today),
            ExportPeriodPreset.LastWeek => Previous(ExportSchedulePeriod.PreviousWeek, today),
            ExportPeriodPreset.LastMonth => Previous(ExportSchedulePeriod.PreviousMonth, today),
            ExportPeriodPreset.ThisMonth => (new DateTime(today.Year, today.Month, 1), today),
            _ => null,
        };
    }

    /// <summary>The whole day, week (Monday to Sunday) or month before the China Standard Time day <paramref name="day"/>.</summary>
    public static (DateTime FromDay, DateTime ToDay) Previous(ExportSchedulePeriod period, DateTime day)
    {
        day = day.Date;
        switch (period)
        {
            case ExportSchedulePeriod.PreviousDay:
                return (day.AddDays(-1), day.AddDays(-1));
            case ExportSchedulePeriod.PreviousWeek:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return (monday.AddDays(-7), monday.AddDays(-1));
            default:
                var first = new DateTime(day.Year, day.Month, 1);
                return (first.AddMonths(-1), first.AddDays(-1));
        }
    }

    /// <summary>A stored period [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) as the days chosen, both included: the last is the day of the moment before the end.</summary>
    public static (string FirstDay, string LastDay) ChosenDays(DateTime fromUtc, DateTime toUtc) =>
        (ChinaTime.FormatDate(fromUtc), ChinaTime.FormatDate(toUtc.AddTicks(-1)));

    /// <summary>The chosen days as one text, first – last (both included), as the Jobs page and the history show a period.</summary>
    public static string DaysText(DateTime fromUtc, DateTime toUtc)
    {
        var (first, last) = ChosenDays(fromUtc, toUtc);
        return $"{first} – {last}";
    }

    /// <summary>
    /// The first moment after <paramref name="afterUtc"/> a schedule runs: every day, every Monday, or the 1st of every
    /// month, at <paramref name="minuteOfDayCst"/> China Standard Time.
    /// </summary>
    public static DateTime NextRun(ExportSchedulePeriod period, int minuteOfDayCst, DateTime afterUtc)
    {
        var day = ChinaTime.FromUtc(afterUtc).Date;
        for (var i = 0; i < 40; i++, day = day.AddDays(1))
        {
            var runs = period switch
            {
                ExportSchedulePeriod.PreviousDay => true,
                ExportSchedulePeriod.PreviousWeek => day.DayOfWeek == DayOfWeek.Monday,
                _ => day.Day == 1,
            };
            var at = ChinaTime.ToUtc(day.AddMinutes(minuteOfDayCst));
            if (runs && at > afterUtc) return at;
        }
        throw new InvalidOperationException("No run within 40 days.");
    }
}
