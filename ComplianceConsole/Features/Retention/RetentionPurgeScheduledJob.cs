using ComplianceConsole.Features.Audit;
using Quartz;

namespace ComplianceConsole.Features.Retention;

/// <summary>The recurring Quartz job that applies the retention rules as the system, once a day.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionPurgeScheduledJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Not at start-up: a restart loop must not become a purge loop, and tests start the app many times.</summary>
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(AuditActor.System, cancellationToken: cancellationToken);
    }
}
