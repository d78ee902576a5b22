using System.Globalization;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>Nothing to choose: a verification always walks the whole chain and every checkpoint.</summary>
public sealed record ChainVerificationInput;

/// <summary>
/// Verifies the audit chain on the job host (at a million events it takes a while) and lists every break as the
/// job's result, shown in each reader's language; the verification itself is audited under the person who asked.
/// </summary>
public sealed class AuditChainVerificationJob(AuditChainVerifier verifier, IDbContextFactory<AppDbContext> contextFactory)
    : IJobHandler<ChainVerificationInput>
{
    public static readonly JobKind<ChainVerificationInput, AuditChainVerificationJob> Kind =
        new("audit-chain-verification", AuditPermissions.Read, lineHeaderKeys: ["Audit.Sequence", "Audit.Break"]);

    public async Task<JobResult> RunAsync(ChainVerificationInput input, JobContext job, CancellationToken cancellationToken)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var newest = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            await job.ReportAsync(0, (int)Math.Min(int.MaxValue, newest));
        }
        var result = await verifier.VerifyAndRecordAsync(count => job.ReportAsync((int)Math.Min(int.MaxValue, count)), cancellationToken);
        var summary = result.Intact
            ? JobMessage.Of("Audit.ChainIntactWithCheckpoints", result.EventsChecked, result.CheckpointsChecked)
            : JobMessage.Of("Audit.ChainBrokenSummary", result.BreakCount, result.EventsChecked, result.CheckpointsChecked);
        var lines = result.Breaks.Select(b => new JobResultLine(
            [b.Sequence.ToString(CultureInfo.InvariantCulture)], JobMessage.Of($"Audit.ChainBroken.{b.Kind}", b.Sequence))).ToList();
        return new JobResult(summary, [], lines);
    }
}
