using ComplianceConsole.Common;
using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Review;

/// <summary>Runs a bulk review decision on the job host, as the Manager who queued it.</summary>
public sealed class ReviewBulkDecisionJob(ReviewBulkDecisionService decisions) : IJobHandler<ReviewBulkDecisionInput>
{
    public async Task<JobResult> RunAsync(ReviewBulkDecisionInput input, JobContext job, CancellationToken cancellationToken)
    {
        var result = await decisions.DecideManyAsync(input, done => job.ReportAsync(done), cancellationToken);
        return result.Succeeded ? JobResult.Of(Summary(result.Value!)) : Refused(result.Errors);
    }

    /// <summary>A decision the rules refuse decides nothing; each rule it breaks is a line, in the reader's language.</summary>
    public static JobResult Refused(IReadOnlyList<FieldError> errors) =>
        new(JobMessage.Of("Review.Bulk.None.Invalid"), [], errors.Select(e => new JobResultLine([], JobMessage.Of(e.MessageKey, e.Arguments))).ToList());

    /// <summary>
    /// Decided, left out by reason, conflicts; a result that decided nothing says why (<c>Review.Bulk.None.*</c>) rather than showing zeros.
    /// Arguments: decided, held by others, regulator notices, unanswered complaints, open appeals, not applicable, conflicts.
    /// </summary>
    public static JobMessage Summary(ReviewBulkResult result) =>
        JobMessage.Of(result.Why is { } why ? $"Review.Bulk.None.{why}" : result.Cancelled ? "Review.Bulk.ResultCancelled" : "Review.Bulk.Result", result.Arguments());
}
