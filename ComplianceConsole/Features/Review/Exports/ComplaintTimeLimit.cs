using ComplianceConsole.Features.Exports;
using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Review;

/// <summary>Where a complaint stands against its time limit (Art. 12): answered within it, answered late, unanswered past it, or still open.</summary>
public enum ComplaintTimeLimitResult { Within, Late, Overdue, Open }

/// <summary>A complaint's standing and, when late, by how much: in hours, and in working days where the limit counts working days.</summary>
public sealed record ComplaintTimeLimitJudgement(ComplaintTimeLimitResult Result, decimal? LateByHours, int? LateByWorkingDays);

public static class ComplaintTimeLimit
{
    /// <summary>
    /// Judges a complaint due at <paramref name="dueAtUtc"/>, answered at <paramref name="answeredAtUtc"/> (null: not yet) as it stood at
    /// <paramref name="asOfUtc"/>. An unanswered complaint past its due time is late by the time up to <paramref name="asOfUtc"/>.
    /// </summary>
    public static ComplaintTimeLimitJudgement Judge(DateTime dueAtUtc, DateTime? answeredAtUtc, DateTime asOfUtc, TimeLimitUnit unit, WorkingCalendar calendar)
    {
        var result = answeredAtUtc is { } answered
            ? DecisionRecordRules.IsLate(answered, dueAtUtc) ? ComplaintTimeLimitResult.Late : ComplaintTimeLimitResult.Within
            : dueAtUtc < asOfUtc ? ComplaintTimeLimitResult.Overdue : ComplaintTimeLimitResult.Open;
        if (result is ComplaintTimeLimitResult.Within or ComplaintTimeLimitResult.Open) return new(result, null, null);
        var until = answeredAtUtc ?? asOfUtc;
        var hours = Math.Round((decimal)(until - dueAtUtc).TotalHours, 1, MidpointRounding.AwayFromZero);
        return new(result, hours, unit == TimeLimitUnit.WorkingDays ? WorkingDaysLate(dueAtUtc, until, calendar) : null);
    }

    /// <summary>
    /// The fewest working days the limit would have needed to be longer for <paramref name="atUtc"/> to be in time: the due time of a
    /// limit in working days is the end of a working day (China Standard Time), and each extra day moves it to the end of the next one.
    /// </summary>
    public static int WorkingDaysLate(DateTime dueAtUtc, DateTime atUtc, WorkingCalendar calendar)
    {
        var lastDay = DateOnly.FromDateTime(ChinaTime.FromUtc(dueAtUtc - TimeSpan.FromTicks(1)));
        var end = dueAtUtc;
        var days = 0;
        while (end < atUtc)
        {
            do lastDay = lastDay.AddDays(1); while (!calendar.IsWorkingDay(lastDay));
            days++;
            end = ChinaTime.ToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        }
        return days;
    }
}
