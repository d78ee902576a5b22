namespace ComplianceConsole.Features.Review;

public enum CalendarDayKind { Holiday = 1, MakeUpWorkday = 2 }

/// <summary>A day that differs from the Monday-to-Friday week: a public holiday, or a weekend day worked instead (调休).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
}
