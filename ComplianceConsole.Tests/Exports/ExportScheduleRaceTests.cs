using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Schedules;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>
/// A schedule moves on in the transaction that queues its export: runners at once queue the period once, and a runner that
/// finds the schedule moved on queues nothing (so neither a crash between the two nor a race skips or doubles a period).
/// </summary>
public sealed class ExportScheduleRaceTests(ScheduledExportApp app) : IClassFixture<ScheduledExportApp>
{
    [Fact]
    public async Task Runners_at_once_queue_a_due_period_once_with_the_schedule_moved_on_in_the_same_transaction()
    {
        long scheduleId;
        await using (var scope = app.App.As(ExportApp.Manager))
        {
            scheduleId = (await scope.Get<ExportScheduleService>().CreateAsync(new ExportScheduleForm
            {
                Kind = ExportKind.VerificationLedger, Period = ExportSchedulePeriod.PreviousDay, TimeOfDayCst = TimeSpan.FromHours(7),
            })).Value;
        }
        var tomorrow = ChinaTime.FromUtc(app.Clock.GetUtcNow().UtcDateTime).Date.AddDays(1);
        app.Clock.Advance(ChinaTime.ToUtc(tomorrow.AddHours(7)) - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30));
        var runner = app.App.Services.GetRequiredService<ExportScheduleRunner>();

        var runs = await Task.WhenAll(runner.RunDueAsync(), runner.RunDueAsync(), runner.RunDueAsync());

        var queued = Assert.Single(runs.SelectMany(r => r));
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var export = await db.ExportJobs.SingleAsync(e => e.ScheduleId == scheduleId);
        Assert.Equal(queued, export.Id);
        var schedule = await db.ExportSchedules.SingleAsync(s => s.Id == scheduleId);
        Assert.Equal(queued, schedule.LastExportId);
        Assert.Equal(ChinaTime.ToUtc(tomorrow.AddDays(1).AddHours(7)), schedule.NextRunAtUtc);
        Assert.Equal(1, await db.JobRecords.CountAsync(j => j.Kind == ExportService.JobKind.Name));
    }
}
