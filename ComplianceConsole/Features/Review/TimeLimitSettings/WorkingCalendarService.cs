using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

public sealed record CalendarDayRow(DateOnly Date, CalendarDayKind Kind, string Name, DateTime UpdatedAtUtc, string UpdatedByName);

public sealed class CalendarDayForm
{
    /// <summary>The China Standard Time day, as the date picker gives it.</summary>
    public DateTime? Date { get; set; }
    public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;
    public string Name { get; set; } = "";
}

/// <summary>
/// The working-day calendar a Manager keeps: public holidays and make-up working days (调休). Due times in working
/// days are counted on it (<see cref="TimeLimits.LoadAsync"/>) for flags received after a change.
/// </summary>
public sealed class WorkingCalendarService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<CalendarDayRow>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Date, d.Kind, d.Name, d.UpdatedAtUtc, d.UpdatedByName))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result> AddAsync(CalendarDayForm form, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        var date = form.Date is { } day ? DateOnly.FromDateTime(day) : (DateOnly?)null;
        if (WorkingCalendarRules.Problem(date, form.Kind, form.Name) is { } problem)
        {
            var field = problem switch
            {
                "NameRequired" or "NameTooLong" => nameof(form.Name),
                "UnknownKind" => nameof(form.Kind),
                _ => nameof(form.Date),
            };
            return Result.Invalid([new(field, $"Calendar.{problem}", WorkingCalendarRules.MaxNameLength)]);
        }
        return await SaveAsync([new CalendarDayEntry(date!.Value, form.Kind, form.Name.Trim())], replace: false, cancellationToken);
    }

    /// <summary>Adds the pasted days, replacing what the calendar said of those dates; nothing is kept unless every line is right.</summary>
    public async Task<Result> PasteAsync(string? lines, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        var (days, errors) = WorkingCalendarRules.Parse(lines);
        return errors.Count > 0 ? Result.Invalid(errors) : await SaveAsync(days, replace: true, cancellationToken);
    }

    public async Task<Result> RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null) return Result.Refused("Calendar.AlreadyRemoved");
        db.CalendarDays.Remove(day);
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.CalendarChanged, "CalendarDay", Iso(date),
                new { removed = new[] { new { Date = Iso(day.Date), day.Kind, day.Name } } }, cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Refused("Calendar.AlreadyRemoved");
        }
    }

    private async Task<Result> SaveAsync(IReadOnlyList<CalendarDayEntry> days, bool replace, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dates = days.Select(d => d.Date).ToList();
        var existing = await db.CalendarDays.Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, cancellationToken);
        if (!replace && existing.Count > 0) return Result.Invalid([new(nameof(CalendarDayForm.Date), "Calendar.AlreadyListed")]);
        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = existing.Values.Select(d => new { Date = Iso(d.Date), d.Kind, d.Name }).ToList();
        foreach (var entry in days)
        {
            if (!existing.TryGetValue(entry.Date, out var day))
            {
                day = new CalendarDay { Date = entry.Date };
                db.CalendarDays.Add(day);
            }
            (day.Kind, day.Name, day.UpdatedAtUtc, day.UpdatedByName) = (entry.Kind, entry.Name, now, actor.ShownName);
        }
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.CalendarChanged, "CalendarDay", days.Count == 1 ? Iso(days[0].Date) : null,
                new { added = days.Select(d => new { Date = Iso(d.Date), d.Kind, d.Name }), replaced }, cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another Manager added one of these dates at the same moment.
            return Result.Invalid([new(nameof(CalendarDayForm.Date), "Calendar.AlreadyListed")]);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
