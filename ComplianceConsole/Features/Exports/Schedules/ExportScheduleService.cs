using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Schedules;

/// <summary>What the schedule form asks for: a kind, the period it covers (which also says how often it runs), a time of day in CST.</summary>
public sealed class ExportScheduleForm
{
    public ExportKind? Kind { get; set; }
    public ExportSchedulePeriod Period { get; set; } = ExportSchedulePeriod.PreviousMonth;
    public TimeSpan? TimeOfDayCst { get; set; } = TimeSpan.FromHours(8);
    public Dictionary<string, string> Filters { get; set; } = [];
}

public sealed record ExportScheduleView(long Id, ExportKind Kind, ExportSchedulePeriod Period, int MinuteOfDayCst, string FiltersJson, string OwnerName,
    DateTime NextRunAtUtc, DateTime? LastRunAtUtc, long? LastExportId, bool IsMine);

/// <summary>Scheduled reports (<see cref="ExportPermissions.Schedule"/>): the list, a new schedule, removing one; each change audited.</summary>
public sealed class ExportScheduleService(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, ExportEngine engine, TimeProvider clock)
{
    public IReadOnlyList<IExportSource> Sources => engine.Sources;

    public async Task<IReadOnlyList<ExportScheduleView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Schedule);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExportSchedules.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.Id)
            .Select(s => new ExportScheduleView(s.Id, s.Kind, s.Period, s.MinuteOfDayCst, s.FiltersJson, s.OwnerName, s.NextRunAtUtc, s.LastRunAtUtc,
                s.LastExportId, s.OwnerId == actor.Id))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<long>> CreateAsync(ExportScheduleForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Schedule);
        var errors = Validate(form);
        if (errors.Count > 0) return Result.Invalid(errors);
        var minute = (int)form.TimeOfDayCst!.Value.TotalMinutes;
        var now = clock.GetUtcNow().UtcDateTime;
        var schedule = new ExportSchedule
        {
            Kind = form.Kind!.Value, Period = form.Period, MinuteOfDayCst = minute,
            FiltersJson = JsonSerializer.Serialize(new SortedDictionary<string, string>(form.Filters, StringComparer.Ordinal)),
            OwnerId = actor.Id ?? "", OwnerName = actor.ShownName, CreatedAtUtc = now, NextRunAtUtc = ExportPeriods.NextRun(form.Period, minute, now),
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ExportSchedules.Add(schedule);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.ExportScheduleCreated, "ExportSchedule", null,
            new { schedule.Kind, schedule.Period, At = form.TimeOfDayCst.Value.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture), form.Filters },
            cancellationToken);
        return Result<long>.Ok(schedule.Id);
    }

    public async Task<Result> RemoveAsync(long scheduleId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Schedule);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.ExportSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId && s.Enabled, cancellationToken);
        if (schedule is null) return Result.Refused("Exports.ScheduleNotFound");
        schedule.Enabled = false;
        schedule.Version++;
        await audit.SaveWithAuditAsync(db, actor, AuditActions.ExportScheduleRemoved, "ExportSchedule", schedule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { schedule.Kind, schedule.Period, Owner = schedule.OwnerName }, cancellationToken);
        return Result.Ok;
    }

    private List<FieldError> Validate(ExportScheduleForm form)
    {
        var check = new ExportForm { Kind = form.Kind, FromDay = DateTime.Today, ToDay = DateTime.Today, Filters = form.Filters };
        var errors = ExportFormRules.Validate(check, Sources).ToList();
        if (form.TimeOfDayCst is not { } time || time < TimeSpan.Zero || time >= TimeSpan.FromDays(1)) errors.Add(new(nameof(form.TimeOfDayCst), "Exports.TimeRequired"));
        if (!Enum.IsDefined(form.Period)) errors.Add(new(nameof(form.Period), "Exports.PeriodRequired"));
        return errors;
    }
}
