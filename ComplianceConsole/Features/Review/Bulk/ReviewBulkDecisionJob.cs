using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Review;

/// <summary>Runs a bulk review decision on the job host, as the Manager who queued it.</summary>
public sealed class ReviewBulkDecisionJob(ReviewBulkDecisionService decisions) : IJobHandler<ReviewBulkDecisionInput>
{
    public async Task<JobResult> RunAsync(ReviewBulkDecisionInput input, JobContext job, CancellationToken cancellationToken)
    {
        var result = await decisions.DecideManyAsync(input, done => job.ReportAsync(done), cancellationToken);
        return JobResult.Of(Summary(result));
    }

    /// <summary>
    /// Decided, left out by reason, conflicts; a result that decided nothing says why (<c>Review.Bulk.None.*</c>) rather than showing zeros.
    /// Arguments: decided, held by others, regulator notices, unanswered complaints, open appeals, not applicable, conflicts.
    /// </summary>
    public static JobMessage Summary(ReviewBulkResult result) =>
        JobMessage.Of(result.Why is { } why ? $"Review.Bulk.None.{why}" : result.Cancelled ? "Review.Bulk.ResultCancelled" : "Review.Bulk.Result", result.Arguments());
}
