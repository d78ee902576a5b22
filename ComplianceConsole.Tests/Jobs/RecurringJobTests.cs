using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;


namespace ComplianceConsole.Tests.Jobs;

/// <summary>Each feature puts its recurring work on the job host from its own registration; the host runs them all, each once.</summary>
public sealed class RecurringJobTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task Every_feature_s_recurring_work_is_scheduled_once_under_its_name()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(RecurringJobs.Group), TestContext.Current.CancellationToken);

        Assert.Equal(["api-rate-windows", "audit-checkpoint", "export-housekeeping", "export-schedules", "housekeeping", "job-sweep", "retention-purge", "review-backlog-counts", "review-claim-expiry", "review-media-read", "webhook-dispatch"],
            triggers.Select(t => t.Name).Order(StringComparer.Ordinal));
        var checkpoint = (ISimpleTrigger)(await scheduler.GetTrigger(new TriggerKey("audit-checkpoint", RecurringJobs.Group), TestContext.Current.CancellationToken))!;
        Assert.Equal(TimeSpan.FromSeconds(60), checkpoint.RepeatInterval);
    }

    [Fact]
    public async Task The_api_s_call_counts_of_minutes_gone_by_are_removed_by_its_own_recurring_job()
    {
        var rates = _app.Services.GetRequiredService<ApiRateCounter>();
        var now = ApiRateCounter.MinuteOf(TimeProvider.System.GetUtcNow());
        await rates.CountAsync("caller", "submit", now - 5, TestContext.Current.CancellationToken);
        await rates.CountAsync("caller", "submit", now, TestContext.Current.CancellationToken);

        var job = ActivatorUtilities.CreateInstance<ApiRateWindowCleanupJob>(_app.Services);
        await job.Execute(null!, TestContext.Current.CancellationToken);

        Assert.Equal(0, await rates.CountedAsync("caller", "submit", now - 5, TestContext.Current.CancellationToken));
        Assert.Equal(1, await rates.CountedAsync("caller", "submit", now, TestContext.Current.CancellationToken));
    }

    public void Dispose() => _app.Dispose();
}
