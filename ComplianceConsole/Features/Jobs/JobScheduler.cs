using Quartz;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Puts a queued <see cref="JobRecord"/> on Quartz's persistent schedule, so it runs (once) even after a restart. A job of a
/// kind that may run again (<see cref="JobKind.CanRerun"/>: its work is idempotent) asks Quartz for recovery: if its instance
/// dies mid-run, another instance (or this one when it starts again) runs it once more.
/// </summary>
public sealed class JobScheduler(ISchedulerFactory schedulerFactory, TimeProvider clock)
{
    public const string Group = "job-records";

    public async Task ScheduleAsync(long jobId, bool recoverable, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var detail = JobBuilder.Create<JobRecordRunner>()
            .WithIdentity(KeyOf(jobId))
            .UsingJobData(JobRecordRunner.JobIdKey, jobId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .RequestRecovery(recoverable)
            .Build();
        // "Now" on the scheduler's clock (the app's TimeProvider, which Quartz takes from the container), not the system's: a
        // trigger stamped by another clock looked misfired to the scheduler and waited for its misfire scan, a minute or more.
        var trigger = TriggerBuilder.Create(clock).WithIdentity(KeyOf(jobId).Name, Group).StartNow().Build();
        await scheduler.ScheduleJob(detail, trigger, cancellationToken: cancellationToken);
    }

    public async Task UnscheduleAsync(long jobId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(KeyOf(jobId), cancellationToken);
    }

    public static JobKey KeyOf(long jobId) => new($"job-{jobId}", Group);
}
