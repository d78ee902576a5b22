using Quartz;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>Every minute: the media waiting to be fetched from allowed hosts is fetched and read (<see cref="MediaReadService"/>).</summary>
[DisallowConcurrentExecution]
public sealed class MediaReadJob(MediaReadService reads) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reads.RunAsync(cancellationToken);
}
