using Quartz;

namespace ComplianceConsole.Features.Api;

/// <summary>Removes the API's call counts of minutes gone by (only the current minute is ever read), every hour.</summary>
[DisallowConcurrentExecution]
public sealed class ApiRateWindowCleanupJob(ApiRateCounter rates, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await rates.RemoveBeforeAsync(ApiRateCounter.MinuteOf(clock.GetUtcNow()), cancellationToken);
}
