using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

public sealed record ConsentDto(
    string? ExternalId, string? ExternalUserId, string? DepictedPersonRef, string? DepictedPersonName, string? Edits, string? Scope,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, string? Method);

public sealed record RecordConsentResponse(string ExternalId, ConsentRecordOutcome Outcome);

public sealed record WithdrawConsentResponse(string ExternalId, DateTimeOffset WithdrawnAt);

public sealed record ConsentCheckResponse(string ExternalUserId, string DepictedPersonRef, BiometricEdit Edit, bool Valid, ConsentState State,
    string? ConsentExternalId, DateTimeOffset? ValidUntil);

/// <summary>
/// The platform's side of Art. 14: it records the separate consent of a person whose face or voice a user edits, records
/// its withdrawal, and asks before an edit whether a valid consent exists (a withdrawn or lapsed one answers no).
/// </summary>
public static class ConsentApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/consents")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .WithTags("Biometric-editing consents")
            .WithGroupName("v1");

        api.MapPost("", RecordAsync)
            .RequireAuthorization(RegistryPermissions.RecordConsent)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("RecordConsent")
            .WithSummary("Record a biometric-editing consent (Art. 14), idempotent on externalId: sending it again answers AlreadyRecorded. " +
                "edits: Face, Voice or FaceAndVoice; method: WrittenSignature, ElectronicSignature, InAppConfirmation or RecordedStatement. " +
                "The platform user must be known to the console (sent with a verification or content before).")
            .Accepts<ConsentDto>("application/json")
            .Produces<RecordConsentResponse>()
            .ProducesBatchProblems();

        api.MapPost("/{externalId}/withdrawal", WithdrawAsync)
            .RequireAuthorization(RegistryPermissions.RecordConsent)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("WithdrawConsent")
            .WithSummary("Record that the depicted person withdrew the consent. From then on a check answers Withdrawn; withdrawing again keeps the first time.")
            .Produces<WithdrawConsentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/check", CheckAsync)
            .RequireAuthorization(RegistryPermissions.CheckConsent)
            .RequireApiRateLimit(ApiRateLimits.Eligibility)
            .WithName("CheckConsent")
            .WithSummary("Whether the user may edit the depicted person's face or voice now (edit: Face or Voice). state: Valid, Missing, NotYetValid, " +
                "Expired, Withdrawn or OtherEdit (a consent exists but covers the other kind of edit).")
            .Produces<ConsentCheckResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> RecordAsync(HttpRequest httpRequest, ApiJsonBody body, ConsentService consents,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (dto, problem) = await body.ReadAsync<ConsentDto>(httpRequest, ExpectedFormatKey);
        if (problem is not null) return problem;
        if (dto is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [localizer["Api.ExpectedObject"]] });
        var result = await consents.RecordFromPlatformAsync(new ConsentSubmission(dto.ExternalId, dto.ExternalUserId, dto.DepictedPersonRef, dto.DepictedPersonName,
            ApiNames.Parse<BiometricEdit>(dto.Edits), dto.Scope, dto.ValidFrom?.UtcDateTime, dto.ValidUntil?.UtcDateTime, ApiNames.Parse<ConsentMethod>(dto.Method)), cancellationToken);
        if (result.Outcome == ConsentRecordOutcome.Invalid)
        {
            return TypedResults.ValidationProblem(result.Errors.GroupBy(e => JsonName(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey, e.Arguments].Value).ToArray()));
        }
        return TypedResults.Ok(new RecordConsentResponse(dto.ExternalId!.Trim(), result.Outcome));
    }

    private static async Task<Results<Ok<WithdrawConsentResponse>, ProblemHttpResult>> WithdrawAsync(string externalId, ConsentService consents,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await consents.WithdrawFromPlatformAsync(externalId, cancellationToken) is { } at
            ? TypedResults.Ok(new WithdrawConsentResponse(externalId, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: localizer["Registry.Consent.NotFound", externalId]);

    private static async Task<IResult> CheckAsync(string? userId, string? depictedPersonRef, string? edit, ConsentService consents,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(userId)) errors["userId"] = [localizer["Validation.Required"]];
        if (string.IsNullOrWhiteSpace(depictedPersonRef)) errors["depictedPersonRef"] = [localizer["Validation.Required"]];
        var wanted = ApiNames.Parse<BiometricEdit>(edit);
        if (wanted is not (BiometricEdit.Face or BiometricEdit.Voice)) errors["edit"] = [localizer["Registry.Consent.CheckEdit"]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var check = await consents.CheckAsync(userId!.Trim(), depictedPersonRef!.Trim(), wanted!.Value, cancellationToken);
        return TypedResults.Ok(new ConsentCheckResponse(userId.Trim(), depictedPersonRef.Trim(), wanted.Value, check.Valid, check.State, check.ConsentExternalId,
            check.ValidUntilUtc is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null));
    }

    private static string JsonName(string field) => field switch
    {
        nameof(ConsentSubmission.ValidFromUtc) => "validFrom",
        nameof(ConsentSubmission.ValidUntilUtc) => "validUntil",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    private static string ExpectedFormatKey(string jsonProperty) => jsonProperty switch
    {
        "validFrom" or "validUntil" => "Api.ExpectedTime",
        _ => "Api.ExpectedString",
    };
}
