using Quartz;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The recurring Quartz job that signs the chain's head every <see cref="AuditCheckpoints.Interval"/> (nothing when no event
/// arrived). Its trigger is named and, on PostgreSQL, in the clustered store, so it fires on one instance per interval.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AuditCheckpointJob(AuditCheckpoints checkpoints) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await checkpoints.WriteAsync(cancellationToken);
}
