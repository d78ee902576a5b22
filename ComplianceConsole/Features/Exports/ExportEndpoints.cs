using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// A verify answer for tooling: the verdict with its explanation, the hashes, the export the file is or its cover names
/// (by whom, when), and for <see cref="ExportVerdict.NotSignedByThisConsole"/> why and which cover fields differ from the history.
/// </summary>
public sealed record VerifyExportResponse(ExportVerdict Verdict, string Explanation, string? FileSha256, string? CoverDigest, string? DataDigest,
    VerifiedExportDto? Export, ExportSignatureProblem? SignatureProblem, IReadOnlyList<string> DifferingCoverFields);

public sealed record VerifiedExportDto(long Id, ExportKind Kind, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset PeriodFrom, DateTimeOffset PeriodTo);

public static class ExportEndpoints
{
    public const string VerifyFileField = "file";
    public const string SigningKeyPath = "/exports/signing-key.pem", SigningKeyApiPath = "/api/v1/exports/signing-key";
    private const string PemContentType = "application/x-pem-file";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A download is checked every time: the export must be mine (or I may see every job) and still kept.
        endpoints.MapGet("/exports/{exportId:long}/file", async (long exportId, ExportHistoryService history, CancellationToken cancellationToken) =>
                await history.OpenAsync(exportId, cancellationToken) is { } download
                    ? Results.Stream(download.Workbook, ExportHistoryService.ContentType, download.FileName)
                    : Results.NotFound())
            .RequireAuthorization(ExportPermissions.Create);

        endpoints.MapGet(SigningKeyPath, PublicKey)
            .RequireAuthorization(ExportPermissions.Create);
        endpoints.MapGet(SigningKeyApiPath, PublicKey)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireAuthorization(ExportPermissions.VerifyFile)
            .WithTags("Exports")
            .WithGroupName("v1")
            .WithName("ExportSigningKey")
            .WithSummary("The public key (PEM, SubjectPublicKeyInfo, ECDSA P-256) that checks the signature on every export's cover; " +
                "its SHA-256 fingerprint is printed on the cover.")
            .Produces<string>(StatusCodes.Status200OK, PemContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // A pack is put together from the sealed registers as it is sent; each register's download is checked and audited.
        endpoints.MapGet("/exports/packs/{jobId:long}/file", async (long jobId, HttpContext context, Inspection.InspectionPackService packs, CancellationToken cancellationToken) =>
            {
                if (await packs.OpenAsync(jobId, cancellationToken) is not { } pack) return Results.NotFound();
                // ZipArchive writes an entry's header synchronously even through its async API.
                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
                return Results.Stream(output => pack.WriteAsync(output, context.RequestAborted), "application/zip", pack.FileName);
            })
            .RequireAuthorization(ExportPermissions.Create);

        endpoints.MapPost("/api/v1/exports/verify", VerifyAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireAuthorization(ExportPermissions.VerifyFile)
            .DisableAntiforgery()
            .WithTags("Exports")
            .WithGroupName("v1")
            .WithName("VerifyExport")
            .WithSummary("Upload a workbook (multipart/form-data, field \"file\") to learn whether it is byte for byte an export from the history " +
                "(Unaltered, with which export, by whom, when); a re-saved export whose signed cover is the history's record and whose data still " +
                "gives the signed digest (Resaved); a file whose data gives its cover's digest but whose cover is not this console's signed record " +
                "(NotSignedByThisConsole, with signatureProblem and differingCoverFields); a file whose data does not give its cover's digest " +
                "(Altered); NotAnExport otherwise.")
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
        // The parts' headers come on top of the file. Kestrel's own limit (about 28.6 MB) would otherwise refuse a workbook the
        // setting allows, and the form reader's (128 MB) one it allows when set higher.
        var maxRequestBytes = verifier.MaxBytes + 64 * 1024;
        if (request.ContentLength > maxRequestBytes) return TooLarge(verifier, localizer);
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
            sizeLimit.MaxRequestBodySize = maxRequestBytes;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = maxRequestBytes }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(verifier, localizer);
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
            _ => TypedResults.Ok(new VerifyExportResponse(result.Verdict, ExportVerdictTexts.Explanation(localizer, result, verifier.MaxBytes / (1024 * 1024)),
                result.FileSha256, result.CoverDigest, result.DataDigest, result.Export is { } e
                    ? new VerifiedExportDto(e.Id, e.Kind, e.RequestedByName, Utc(e.RequestedAtUtc), Utc(e.FromUtc), Utc(e.ToUtc))
                    : null, result.SignatureProblem, result.DifferingCoverFields ?? [])),
        };
    }

    private static IResult PublicKey(ExportSigner signer) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(signer.PublicKeyPem), PemContentType, ExportSigner.PublicKeyFileName);

    private static IResult TooLarge(ExportVerifier verifier, IStringLocalizer<SharedResource> localizer) =>
        Api.ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, localizer, "Exports.Verify.TooLarge", verifier.MaxBytes / (1024 * 1024));

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
