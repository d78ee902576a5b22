using Quartz;

namespace ComplianceConsole.Features.Review;

/// <summary>Every minute: claims past their lease go back to the queue, with a history entry and a live update.</summary>
[DisallowConcurrentExecution]
public sealed class ClaimExpiryJob(ReviewClaims claims) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await claims.ExpireClaimsAsync(cancellationToken);
}
