using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Verification;

/// <summary>Runs a bulk decision on the job host, as the Verifier who queued it.</summary>
public sealed class VerificationBulkDecisionJob(VerificationDecisionService decisions) : IJobHandler<BulkDecisionInput>
{
    public async Task<JobResult> RunAsync(BulkDecisionInput input, JobContext job, CancellationToken cancellationToken)
    {
        var result = await decisions.DecideManyAsync(input, done => job.ReportAsync(done), cancellationToken);
        return JobResult.Of(JobMessage.Of(result.Cancelled ? "Bulk.ResultCancelled" : "Bulk.Result", result.Changed, result.NotApplicable, result.Conflicts));
    }
}
