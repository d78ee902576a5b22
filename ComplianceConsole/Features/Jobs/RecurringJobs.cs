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
    /// Runs <typeparamref name="TJob"/> every <paramref name="interval"/> (read from configuration when the host starts) at fixed
    /// times: <paramref name="offset"/> past each multiple of the interval since 1970-01-01 UTC (<see cref="NextRun"/>). Every start
    /// of every instance computes the same times, so the trigger it stores in place of the one before fires when that one would
    /// have: a restart never pushes a run later (an hourly restart once kept a daily run from ever coming).
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, Func<IConfiguration, TimeSpan> interval,
        TimeSpan offset = default) where TJob : IJob
    {
        var key = new JobKey(name, Group);
        // Quartz gathers what every AddQuartz call schedules; the trigger is built when the scheduler starts, with the app's services.
        services.AddQuartz(quartz => quartz.ScheduleJob<TJob>(
            (provider, trigger) =>
            {
                var every = interval(provider.GetRequiredService<IConfiguration>());
                // On the scheduler's clock (the app's TimeProvider), as JobScheduler does: a start stamped by another clock looked misfired.
                var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
                trigger.WithIdentity(name, Group).StartAt(NextRun(now, every, offset)).WithSimpleSchedule(schedule => schedule.WithInterval(every).RepeatForever());
            },
            (_, job) => job.WithIdentity(key)));
        return services;
    }

    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval, TimeSpan offset = default)
        where TJob : IJob => services.AddRecurringJob<TJob>(name, _ => interval, offset);

    /// <summary>The first of the fixed times (<paramref name="offset"/> past a multiple of <paramref name="interval"/> since 1970-01-01 UTC) at or after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeSpan interval, TimeSpan offset)
    {
        var since = (now - DateTimeOffset.UnixEpoch - offset).Ticks;
        var periods = since <= 0 ? 0 : (since + interval.Ticks - 1) / interval.Ticks;
        return DateTimeOffset.UnixEpoch + offset + TimeSpan.FromTicks(periods * interval.Ticks);
    }
}
