using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Dashboard;

/// <summary>The periods the dashboard offers: today, or the last 7, 30 or 90 days, each ending with today (China Standard Time).</summary>
public enum DashboardRange { Today, Days7, Days30, Days90 }

/// <summary>Whole China Standard Time days: [<paramref name="FromUtc"/>, <paramref name="ToUtc"/>), the last one being today.</summary>
public sealed record DashboardPeriod(DashboardRange Range, DateOnly FirstDay, DateOnly LastDay)
{
    public DateTime FromUtc => ChinaTime.ToUtc(FirstDay.ToDateTime(TimeOnly.MinValue));

    public DateTime ToUtc => ChinaTime.ToUtc(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static DashboardPeriod Ending(DateTime nowUtc, DashboardRange range)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc));
        var days = range switch { DashboardRange.Days7 => 7, DashboardRange.Days30 => 30, DashboardRange.Days90 => 90, _ => 1 };
        return new DashboardPeriod(range, today.AddDays(1 - days), today);
    }

    /// <summary>The range as it travels in the address (<c>dashboard?period=Days30</c>); anything unknown is the last 7 days.</summary>
    public static DashboardRange Parse(string? text) =>
        Enum.TryParse<DashboardRange>(text, ignoreCase: true, out var range) && Enum.IsDefined(range) ? range : DashboardRange.Days7;
}
