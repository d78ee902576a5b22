using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ComplianceConsole.Features.Review;

/// <summary>Every hour: the open cases' counts per due day folded into a row a day (<see cref="ReviewBacklogCounts.FoldAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ReviewBacklogCountsFoldJob(IDbContextFactory<AppDbContext> contextFactory) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await ReviewBacklogCounts.FoldAsync(db, cancellationToken);
    }
}
