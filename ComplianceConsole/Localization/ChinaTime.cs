using System.Globalization;

namespace ComplianceConsole.Localization;

/// <summary>
/// Times are stored in UTC and shown in China Standard Time (UTC+8; China has kept no daylight saving since 1991).
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc.ToUniversalTime() + Offset, DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime chinaTime) => DateTime.SpecifyKind(chinaTime - Offset, DateTimeKind.Utc);

    /// <summary>The China Standard Time calendar day an instant falls on.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>The UTC instant a China Standard Time day begins.</summary>
    public static DateTime StartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant a China Standard Time calendar day (as a date picker gives it) begins.</summary>
    public static DateTime? DayStartUtc(DateTime? chinaDay) => chinaDay is { } day ? ToUtc(day.Date) : null;

    /// <summary>The UTC instant after a China Standard Time calendar day ends, so "to" filters include the whole day.</summary>
    public static DateTime? DayEndUtc(DateTime? chinaDay) => chinaDay is { } day ? ToUtc(day.Date.AddDays(1)) : null;

    /// <summary>
    /// The China Standard Time days that [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) touches, each with its part of that
    /// range in UTC: reports count per day with a range seek on a time index each, never a date function on every row.
    /// </summary>
    public static IEnumerable<(DateOnly Day, DateTime FromUtc, DateTime ToUtc)> Days(DateTime fromUtc, DateTime toUtc)
    {
        if (fromUtc >= toUtc) yield break;
        for (var day = DayOf(fromUtc); StartUtc(day) < toUtc; day = day.AddDays(1))
        {
            var (start, end) = (StartUtc(day), StartUtc(day.AddDays(1)));
            yield return (day, start < fromUtc ? fromUtc : start, end > toUtc ? toUtc : end);
        }
    }

    public static string Format(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The China date alone.</summary>
    public static string FormatDate(DateTime utc) => TimeText.FormatDate(FromUtc(utc));

    /// <summary>The time of day alone, for "saved at" notes on a page.</summary>
    public static string FormatTime(DateTime utc) => FromUtc(utc).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The China time of day to the minute, for what is recorded only to the minute (an API key's last use).</summary>
    public static string FormatMinute(DateTime utc) => FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc) => utc is null ? Common.Display.Dash : Format(utc.Value);
}
