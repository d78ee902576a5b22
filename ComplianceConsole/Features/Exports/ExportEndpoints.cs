using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Exports;

/// <summary>A verify answer for tooling: the verdict, the hashes, and the export it matches (by whom, when), if any.</summary>
public sealed record VerifyExportResponse(ExportVerdict Verdict, string Explanation, string? FileSha256, string? CoverDigest, string? DataDigest,
    VerifiedExportDto? Export);

public sealed record VerifiedExportDto(long Id, ExportKind Kind, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset PeriodFrom, DateTimeOffset PeriodTo);

public static class ExportEndpoints
{
    public const string VerifyFileField = "file";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A download is checked every time: the export must be mine (or I may see every job) and still kept.
        endpoints.MapGet("/exports/{exportId:long}/file", async (long exportId, ExportHistoryService history, CancellationToken cancellationToken) =>
                await history.OpenAsync(exportId, cancellationToken) is { } download
                    ? Results.Stream(download.Workbook, ExportHistoryService.ContentType, download.FileName)
                    : Results.NotFound())
            .RequireAuthorization(ExportPermissions.Create);

        endpoints.MapPost("/api/v1/exports/verify", VerifyAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireAuthorization(ExportPermissions.VerifyFile)
            .DisableAntiforgery()
            .WithTags("Exports")
            .WithGroupName("v1")
            .WithName("VerifyExport")
            .WithSummary("Upload a workbook (multipart/form-data, field \"file\") to learn whether it is an unaltered export from the history " +
                "(Unaltered, with which export, by whom, when), whether its data still gives the digest on its cover though the file was re-saved " +
                "(DataUnaltered), or not (Altered); NotAnExport and NotAWorkbook otherwise.")
            .Produces<VerifyExportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, ExportVerifier verifier, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return Api.ApiErrors.Problem(StatusCodes.Status415UnsupportedMediaType, localizer, "Exports.Verify.NotMultipart");
        if (request.ContentLength > verifier.MaxBytes + 64 * 1024) return TooLarge(verifier, localizer);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Api.ApiErrors.Problem(StatusCodes.Status400BadRequest, localizer, "Exports.Verify.NotMultipart");
        }
        if (form.Files.GetFile(VerifyFileField) is not { Length: > 0 } file) return Api.ApiErrors.Problem(StatusCodes.Status400BadRequest, localizer, "Exports.Verify.NoFile");
        if (file.Length > verifier.MaxBytes) return TooLarge(verifier, localizer);

        await using var upload = file.OpenReadStream();
        var result = await verifier.VerifyAsync(upload, cancellationToken);
        return result.Verdict switch
        {
            ExportVerdict.TooLarge => TooLarge(verifier, localizer),
            ExportVerdict.UnpacksTooLarge => Api.ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, localizer, "Exports.Verdict.UnpacksTooLarge"),
            ExportVerdict.NotAWorkbook => Api.ApiErrors.Problem(StatusCodes.Status415UnsupportedMediaType, localizer, "Exports.Verdict.NotAWorkbook"),
            _ => TypedResults.Ok(new VerifyExportResponse(result.Verdict, localizer[$"Exports.Verdict.{result.Verdict}"], result.FileSha256, result.CoverDigest,
                result.DataDigest, result.Export is { } e
                    ? new VerifiedExportDto(e.Id, e.Kind, e.RequestedByName, Utc(e.RequestedAtUtc), Utc(e.FromUtc), Utc(e.ToUtc))
                    : null)),
        };
    }

    private static IResult TooLarge(ExportVerifier verifier, IStringLocalizer<SharedResource> localizer) =>
        Api.ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, localizer, "Exports.Verify.TooLarge", verifier.MaxBytes / (1024 * 1024));

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
