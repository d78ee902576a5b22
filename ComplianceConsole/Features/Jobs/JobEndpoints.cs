namespace ComplianceConsole.Features.Jobs;

public static class JobEndpoints
{
    /// <summary>A job's result file, for the person who asked for the job or someone who may see every job; checked on every download.</summary>
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/jobs/{jobId:long}/files/{name}", async (long jobId, string name, JobQueryService jobs, CancellationToken cancellationToken) =>
                await jobs.OpenFileAsync(jobId, name, cancellationToken) is { } file
                    ? Results.File(file.Path, file.ContentType, file.DownloadName)
                    : Results.NotFound())
            .RequireAuthorization(JobPermissions.ReadOwn);
        return endpoints;
    }
}
