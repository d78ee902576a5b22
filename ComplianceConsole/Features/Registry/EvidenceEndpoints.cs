namespace ComplianceConsole.Features.Registry;

public static class EvidenceEndpoints
{
    /// <summary>An evidence file as an attachment (never shown inline), for someone who may read the registry; checked and audited on every download.</summary>
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/registry/evidence/{id:long}", async (long id, EvidenceService evidence, CancellationToken cancellationToken) =>
                await evidence.OpenAsync(id, cancellationToken) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : Results.NotFound())
            .RequireAuthorization(RegistryPermissions.Read);
        return endpoints;
    }
}
