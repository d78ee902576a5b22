using Quartz;

namespace ComplianceConsole.Features.Exports;

/// <summary>The recurring Quartz job that runs <see cref="ExportHousekeeping"/>.</summary>
[DisallowConcurrentExecution]
public sealed class ExportHousekeepingJob(ExportHousekeeping housekeeping) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await housekeeping.RemoveExpiredAsync(cancellationToken);
}
