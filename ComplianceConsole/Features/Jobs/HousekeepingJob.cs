using Quartz;

namespace ComplianceConsole.Features.Jobs;

/// <summary>The recurring Quartz job that runs <see cref="JobHousekeeping"/>.</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(JobHousekeeping housekeeping) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await housekeeping.RunAsync(cancellationToken);
}
