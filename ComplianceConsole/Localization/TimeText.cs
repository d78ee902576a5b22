using System.Globalization;

namespace ComplianceConsole.Localization;

/// <summary>What came of reading a typed date or time: nothing typed, a value, or text that is no date or time.</summary>
public enum TimeTextState { Empty, Read, Unreadable }

/// <summary>
/// Reads the dates, times and date-times that people type or browsers send, in China Standard Time, with or without seconds
/// (Chromium's <c>datetime-local</c> sends <c>2026-12-12T10:00</c> or <c>2026-12-12T10:00:00</c> as it pleases). A text it cannot
/// read is <see cref="TimeTextState.Unreadable"/>, never an empty value: the field that holds it says so and its form does not save.
/// </summary>
public static class TimeText
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "H:mm", "H:mm:ss"];

    /// <summary>The text a <c>datetime-local</c> input holds for a value: minutes, and seconds only when there are some.</summary>
    public static string FormatDateTime(DateTime value) =>
        value.ToString(value.Second == 0 && value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatTime(TimeSpan value) => value.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A China Standard Time date and time (its kind Unspecified), with or without seconds.</summary>
    public static TimeTextState ReadDateTime(string? text, out DateTime? value) => Read(text, DateTimeFormats, out value);

    /// <summary>A calendar day (its time midnight).</summary>
    public static TimeTextState ReadDate(string? text, out DateTime? value) => Read(text, DateFormats, out value);

    /// <summary>A time of day, 00:00 to 23:59:59, with or without seconds.</summary>
    public static TimeTextState ReadTime(string? text, out TimeSpan? value)
    {
        var state = Read(text, TimeFormats, out var read);
        value = read?.TimeOfDay;
        return state;
    }

    private static TimeTextState Read(string? text, string[] formats, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return TimeTextState.Empty;
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var read)) return TimeTextState.Unreadable;
        value = DateTime.SpecifyKind(read, DateTimeKind.Unspecified);
        return TimeTextState.Read;
    }
}
