using Quartz;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Start times of the recurring triggers, read from the app's <see cref="TimeProvider"/> when the scheduler is built (the
/// clock Quartz itself runs on, and the one tests replace), not from the system clock when services are registered: a
/// trigger stamped by another clock than the scheduler's fires early, late, or looks misfired.
/// </summary>
internal static class AppClockTriggers
{
    public static ITriggerConfigurator<T> StartOnAppClock<T>(this ITriggerConfigurator<T> trigger, IServiceProvider services, TimeSpan after = default)
        where T : IJob =>
        trigger.StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + after);
}
