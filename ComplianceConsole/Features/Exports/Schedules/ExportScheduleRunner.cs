using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Schedules;

/// <summary>
/// Runs the schedules that are due (the job host asks every minute): each queues its export for the period before
/// the moment it was due, as its owner (their permissions as they are now), then moves on to its next run. Missed
/// runs (the app was down) run once, not once for each.
/// </summary>
public sealed class ExportScheduleRunner(IServiceScopeFactory scopeFactory, IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock,
    ILogger<ExportScheduleRunner> logger)
{
    public const string SchedulerAddress = "scheduler";

    /// <summary>
    /// Queues the due schedules' exports; returns the exports queued. A schedule is moved on in the transaction that queues its
    /// export (<see cref="ExportService.QueueAsync"/>), and only from the version read here: another runner (another instance, an
    /// overlapping tick) then finds it not due, and a crash leaves it due with nothing queued, so no period is skipped or run twice.
    /// </summary>
    public async Task<IReadOnlyList<long>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<ExportSchedule> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ExportSchedules.AsNoTracking().Where(s => s.Enabled && s.NextRunAtUtc <= now).OrderBy(s => s.NextRunAtUtc).ToListAsync(cancellationToken);
        }
        var queued = new List<long>();
        foreach (var schedule in due)
        {
            if (await QueueAsOwnerAsync(schedule, (db, exportId) => MoveOnAsync(db, schedule, now, exportId), cancellationToken) is { } exportId)
            {
                queued.Add(exportId);
                continue;
            }
            // Not queued (its owner may no longer export): the schedule moves on all the same, unless another runner moved it.
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await MoveOnAsync(db, schedule, now, exportId: null);
        }
        return queued;
    }

    private static async Task<bool> MoveOnAsync(AppDbContext db, ExportSchedule schedule, DateTime now, long? exportId) =>
        await db.ExportSchedules.Where(s => s.Id == schedule.Id && s.Version == schedule.Version).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastRunAtUtc, now)
            .SetProperty(x => x.NextRunAtUtc, ExportPeriods.NextRun(schedule.Period, schedule.MinuteOfDayCst, now))
            .SetProperty(x => x.LastExportId, x => exportId ?? x.LastExportId)
            .SetProperty(x => x.Version, schedule.Version + 1)) > 0;

    private async Task<long?> QueueAsOwnerAsync(ExportSchedule schedule, Func<AppDbContext, long, Task<bool>> moveOnAsync, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var owner = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(schedule.OwnerId);
        if (owner is null || owner.IsDisabled)
        {
            logger.LogWarning("Scheduled export {ScheduleId} skipped: its owner's account is gone or disabled.", schedule.Id);
            return null;
        }
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(owner);
        services.GetRequiredService<CurrentUser>().ActForJobRequester(principal, SchedulerAddress);

        var (fromDay, toDay) = ExportPeriods.Previous(schedule.Period, ChinaTime.FromUtc(schedule.NextRunAtUtc).Date);
        var form = new ExportForm
        {
            Kind = schedule.Kind, FromDay = fromDay, ToDay = toDay,
            Filters = JsonSerializer.Deserialize<Dictionary<string, string>>(schedule.FiltersJson) ?? [],
        };
        try
        {
            var queued = await services.GetRequiredService<ExportService>().QueueAsync(form, schedule.Id, moveOnAsync, cancellationToken);
            if (queued.Outcome == ResultOutcome.Conflict) return null; // moved on by another runner, which queued the period's export
            if (!queued.Succeeded) logger.LogWarning("Scheduled export {ScheduleId} was not queued: {Outcome}.", schedule.Id, queued.Outcome);
            return queued.Value?.ExportId;
        }
        catch (PermissionDeniedException denied)
        {
            logger.LogWarning("Scheduled export {ScheduleId} skipped: its owner no longer holds {Permission}.", schedule.Id, denied.Permission);
            return null;
        }
    }
}
