using System.Globalization;
using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>A day the Manager adds to the calendar, from the form or a pasted line.</summary>
public sealed record CalendarDayEntry(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>What a calendar exception may be, and how a year's list is pasted: one day a line, <c>2026-10-01,Holiday,国庆节</c>.</summary>
public static class WorkingCalendarRules
{
    public const int MaxNameLength = 100;
    public const int MaxPastedLines = 400;
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>Why a day cannot be kept (shown as <c>Calendar.{problem}</c>, or <c>Calendar.Line.{problem}</c> for a pasted line), or null.</summary>
    public static string? Problem(DateOnly? date, CalendarDayKind kind, string? name)
    {
        if (date is not { } day) return "DateRequired";
        if (day < Earliest || day > Latest) return "DateOutOfRange";
        if (!Enum.IsDefined(kind)) return "UnknownKind";
        if (string.IsNullOrWhiteSpace(name)) return "NameRequired";
        if (name.Trim().Length > MaxNameLength) return "NameTooLong";
        // A make-up working day is a weekend day worked in exchange for a holiday; a weekday is a working day already.
        if (kind == CalendarDayKind.MakeUpWorkday && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) return "MakeUpNotWeekend";
        return null;
    }

    /// <summary>
    /// Reads pasted lines (date, kind, name; comma, tab or Chinese comma between them). Kinds: Holiday or 休 or 假,
    /// MakeUpWorkday or 班. Every line must be right for any to be kept; errors name the line.
    /// </summary>
    public static (IReadOnlyList<CalendarDayEntry> Days, IReadOnlyList<FieldError> Errors) Parse(string? text)
    {
        var days = new List<CalendarDayEntry>();
        var errors = new List<FieldError>();
        var lines = (text ?? "").Split('\n');
        if (lines.Length > MaxPastedLines) return ([], [new("Lines", "Calendar.TooManyLines", MaxPastedLines)]);
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var number = i + 1;
            var parts = line.Split([',', '，', '\t'], 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 3) { errors.Add(new("Lines", "Calendar.Line.Fields", number)); continue; }
            if (!DateOnly.TryParseExact(parts[0], ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new("Lines", "Calendar.Line.Date", number));
                continue;
            }
            if (ParseKind(parts[1]) is not { } kind) { errors.Add(new("Lines", "Calendar.Line.Kind", number)); continue; }
            if (Problem(date, kind, parts[2]) is { } problem) { errors.Add(new("Lines", $"Calendar.Line.{problem}", number, MaxNameLength)); continue; }
            if (!dates.Add(date)) { errors.Add(new("Lines", "Calendar.Line.Repeated", number)); continue; }
            days.Add(new CalendarDayEntry(date, kind, parts[2].Trim()));
        }
        if (days.Count == 0 && errors.Count == 0) errors.Add(new("Lines", "Calendar.NothingPasted"));
        return (days, errors);
    }

    private static CalendarDayKind? ParseKind(string text) => text.Trim() switch
    {
        "休" or "假" or "节假日" => CalendarDayKind.Holiday,
        "班" or "调休上班" => CalendarDayKind.MakeUpWorkday,
        var named when !named.Any(char.IsDigit) && Enum.TryParse<CalendarDayKind>(named, ignoreCase: true, out var kind) => kind,
        _ => null,
    };
}
