using Quartz;

namespace ComplianceConsole.Features.Exports.Schedules;

/// <summary>The recurring Quartz job that runs due schedules.</summary>
[DisallowConcurrentExecution]
public sealed class ExportScheduleJob(ExportScheduleRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await runner.RunDueAsync(cancellationToken);
}
