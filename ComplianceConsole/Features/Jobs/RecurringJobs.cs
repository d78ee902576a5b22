using Quartz;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// How a feature puts recurring work on the job host, from its own <c>Add&lt;Feature&gt;()</c>: a named job and trigger in
/// Quartz's store, so on PostgreSQL every instance stores the same ones (replacing them) and each fires once per interval
/// whatever the number of instances. The job host knows none of them.
/// </summary>
public static class RecurringJobs
{
    public const string Group = "console";

    /// <summary>
    /// Runs <typeparamref name="TJob"/> every <paramref name="interval"/> (read from configuration when the host starts), first
    /// <paramref name="firstRunAfter"/> after start-up, or one interval after it when not given.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, Func<IConfiguration, TimeSpan> interval,
        TimeSpan? firstRunAfter = null) where TJob : IJob
    {
        var key = new JobKey(name, Group);
        // Quartz gathers what every AddQuartz call schedules; the trigger is built when the scheduler starts, with the app's services.
        services.AddQuartz(quartz => quartz.ScheduleJob<TJob>(
            (provider, trigger) =>
            {
                var every = interval(provider.GetRequiredService<IConfiguration>());
                // Started on the scheduler's clock (the app's TimeProvider), as JobScheduler does: a start stamped by another clock looked misfired.
                var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
                trigger.WithIdentity(name, Group).StartAt(now + (firstRunAfter ?? every)).WithSimpleSchedule(schedule => schedule.WithInterval(every).RepeatForever());
            },
            (_, job) => job.WithIdentity(key)));
        return services;
    }

    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval, TimeSpan? firstRunAfter = null)
        where TJob : IJob => services.AddRecurringJob<TJob>(name, _ => interval, firstRunAfter);
}
