using System.Globalization;
using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Dashboard;

/// <summary>How tiles write their figures: counts with group separators, percentages to one decimal, a dash when there is none.</summary>
public static class DashboardFormat
{
    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double? value) => value is { } percent ? percent.ToString("0.#", CultureInfo.CurrentCulture) + "%" : Display.Dash;

    /// <summary>A chart's labels for every day of a period, one every few days: ninety of them would overlap.</summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days)
    {
        var every = Math.Max(1, days.Count / 10);
        return days.Select((d, i) => i % every == 0 ? d.ToString("MM-dd", CultureInfo.InvariantCulture) : "").ToArray();
    }
}
