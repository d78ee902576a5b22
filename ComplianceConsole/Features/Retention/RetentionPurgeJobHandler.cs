using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Registry;

namespace ComplianceConsole.Features.Retention;

/// <summary>The input of a purge a Manager runs by hand (nothing to choose: the rules in force apply).</summary>
public sealed record RetentionPurgeInput;

/// <summary>A purge a Manager runs now from the retention page: on the job host, under their name, with the counts as its result.</summary>
public sealed class RetentionPurgeJobHandler(RetentionPurge purge) : IJobHandler<RetentionPurgeInput>
{
    public static readonly JobKind<RetentionPurgeInput, RetentionPurgeJobHandler> Kind =
        new("retention-purge", RegistryPermissions.Manage, canRerun: true, lineHeaderKeys: ["Retention.Removed", "Retention.Kind"]);

    public async Task<JobResult> RunAsync(RetentionPurgeInput input, JobContext job, CancellationToken cancellationToken)
    {
        var report = await purge.RunAsync(job.Requester, (done, expected) => job.ReportAsync(Capped(done), Capped(expected)), cancellationToken);
        return new JobResult(JobMessage.Of("Retention.Purged", report.Total),
            [], report.Kinds.Select(k => new JobResultLine([k.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], JobMessage.Of($"RetentionKind.{k.Kind}"))).ToList(),
            LinesAreBreakdown: true);
    }

    private static int Capped(long count) => (int)Math.Min(int.MaxValue, count);
}
