using ComplianceConsole.Features.Audit;
using Quartz;

namespace ComplianceConsole.Features.Retention;

/// <summary>The recurring Quartz job that applies the retention rules as the system, once a day.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionPurgeScheduledJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>At 03:00 China time (19:00 UTC), whenever instances start: never at start-up, so a restart loop is no purge loop.</summary>
    public static readonly TimeSpan At = TimeSpan.FromHours(19);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(AuditActor.System, cancellationToken: cancellationToken);
    }
}
