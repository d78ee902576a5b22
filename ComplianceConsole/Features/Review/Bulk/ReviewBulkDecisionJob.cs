using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Review;

/// <summary>Runs a bulk review decision on the job host, as the reviewer who queued it.</summary>
public sealed class ReviewBulkDecisionJob(ReviewBulkDecisionService decisions) : IJobHandler<ReviewBulkDecisionInput>
{
    public async Task<JobResult> RunAsync(ReviewBulkDecisionInput input, JobContext job, CancellationToken cancellationToken)
    {
        var result = await decisions.DecideManyAsync(input, done => job.ReportAsync(done), cancellationToken);
        return JobResult.Of(JobMessage.Of(result.Cancelled ? "Review.Bulk.ResultCancelled" : "Review.Bulk.Result",
            result.Decided, result.HeldByOthers, result.NotApplicable, result.Conflicts));
    }
}
