using Quartz;

namespace ComplianceConsole.Features.Jobs;

/// <summary>The Quartz job that runs one <see cref="JobRecord"/>; Quartz says when it runs again because its instance died mid-run.</summary>
public sealed class JobRecordRunner(JobExecutor executor) : IJob
{
    public const string JobIdKey = "jobRecordId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await executor.RunAsync(long.Parse(context.MergedJobDataMap.GetString(JobIdKey)!, System.Globalization.CultureInfo.InvariantCulture),
            context.Recovering, cancellationToken);
}
