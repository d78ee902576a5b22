using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>The time limit of every source and the working-day calendar as they stand, read in one go.</summary>
public sealed class TimeLimits(IReadOnlyDictionary<FlagSource, (int Amount, TimeLimitUnit Unit)> limits, WorkingCalendar calendar)
{
    public WorkingCalendar Calendar => calendar;

    public (int Amount, TimeLimitUnit Unit) For(FlagSource source) => limits[source];

    public DateTime DueAt(FlagSource source, DateTime receivedAtUtc)
    {
        var (amount, unit) = limits[source];
        return ReviewDeadlines.DueAt(receivedAtUtc, amount, unit, calendar);
    }

    /// <summary>The Manager's limits, or the defaults for a source never set; the calendar's exceptions (a few dozen rows a year).</summary>
    public static async Task<TimeLimits> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.SourceTimeLimits.AsNoTracking().ToDictionaryAsync(l => l.Source, l => (l.Amount, l.Unit), cancellationToken);
        var limits = Enum.GetValues<FlagSource>().ToDictionary(s => s, s => stored.TryGetValue(s, out var limit) ? limit : ReviewDeadlines.DefaultLimit(s));
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return new TimeLimits(limits, new WorkingCalendar(days));
    }
}
