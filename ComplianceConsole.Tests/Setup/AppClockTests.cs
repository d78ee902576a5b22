using ComplianceConsole.Data;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ComplianceConsole.Tests.Setup;

/// <summary>
/// The app on a clock forty days ahead of the system's: a time stamped from the system clock instead of the app's
/// <see cref="TimeProvider"/> stands out by weeks.
/// </summary>
public sealed class AppClockTests : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private readonly TestApp _app;

    public AppClockTests()
    {
        _clock.Advance(TimeSpan.FromDays(40));
        _app = new ClockedTestApp(_clock);
    }

    public async ValueTask InitializeAsync() => await _app.CompleteSetupAsync();

    public ValueTask DisposeAsync()
    {
        _app.Dispose();
        return ValueTask.CompletedTask;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task The_first_administrator_and_a_settings_change_are_stamped_with_the_apps_time()
    {
        await using (var scope = _app.As(TestApp.AdminEmail))
        {
            var settings = scope.Get<ProviderSettingsService>();
            var form = await settings.GetFormAsync();
            (form.ProviderName, form.UnifiedSocialCreditCode, form.LabelingCode) = ("深合成科技有限公司", "91330100799655058B", "001191330100799655058B1AB12");
            Assert.True((await settings.SaveAsync(form)).Succeeded);
        }

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(Now, (await db.Users.SingleAsync(u => u.Email == TestApp.AdminEmail)).CreatedAtUtc);
        Assert.Equal(Now, (await db.ProviderSettings.SingleAsync()).UpdatedAtUtc);
    }

    [Fact]
    public async Task Recurring_work_is_scheduled_from_the_apps_time()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ITrigger? housekeeping, exportSchedules, claimExpiry;
        do
        {
            housekeeping = await scheduler.GetTrigger(new TriggerKey("housekeeping", "console"));
            exportSchedules = await scheduler.GetTrigger(new TriggerKey("export-schedules", "console"));
            claimExpiry = await scheduler.GetTrigger(new TriggerKey("review-claim-expiry", "console"));
            if (housekeeping is not null && exportSchedules is not null && claimExpiry is not null) break;
            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);

        // The first fixed time at or after the app's now, within one interval of it: weeks away from the system clock's.
        var now = _clock.GetUtcNow();
        foreach (var (trigger, interval) in new[] { (housekeeping!, TimeSpan.FromHours(1)), (exportSchedules!, TimeSpan.FromMinutes(1)), (claimExpiry!, TimeSpan.FromMinutes(1)) })
        {
            Assert.InRange(trigger.StartTimeUtc, now, now + interval);
            Assert.Equal(0, (trigger.StartTimeUtc - DateTimeOffset.UnixEpoch).Ticks % interval.Ticks);
        }
    }
}
