using Quartz;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>Every few seconds, and right after a commit that published events: deliver what is due.</summary>
[DisallowConcurrentExecution]
public sealed class WebhookDispatchJob(WebhookDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("webhook-dispatch", "console");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.RunAsync(cancellationToken);
}
