using Microsoft.Net.Http.Headers;

namespace ComplianceConsole.Features.Review.Media;

public static class MediaEndpoints
{
    public static string UrlOf(long caseId) => $"/review/cases/{caseId}/media";

    /// <summary>
    /// A case's media from the console's own origin, for reviewers only. The bytes are served as the type they were sniffed as,
    /// never rendered as a document of this origin (sandboxed, no script), and not kept by the browser's cache.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/review/cases/{caseId:long}/media", async (long caseId, CaseMedia media, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var fetched = await media.GetAsync(caseId, cancellationToken);
                if (fetched is not { Content: { } content, ContentType: { } type }) return Results.NotFound();
                response.Headers.CacheControl = "private, no-store";
                response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                response.Headers[HeaderNames.ContentDisposition] = "inline";
                return Results.Bytes(content, type);
            })
            .RequireAuthorization(ReviewPermissions.Read);
        return endpoints;
    }
}
