namespace ComplianceConsole.Features.Verification.Import;

public static class ImportEndpoints
{
    /// <summary>The downloadable report of an import's bad rows, for the person who ran the import.</summary>
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/verification/import/errors/{reportId}", async (string reportId, VerificationImportService imports) =>
                await imports.ErrorReportAsync(reportId) is { } report
                    ? Results.File(report.Content, "text/csv; charset=utf-8", report.FileName)
                    : Results.NotFound())
            .RequireAuthorization(VerificationPermissions.Import);
        return endpoints;
    }
}
