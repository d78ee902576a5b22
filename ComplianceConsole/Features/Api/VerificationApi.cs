using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

public sealed record SubmitVerificationsRequest(IReadOnlyList<VerificationSubmissionDto>? Items);

/// <summary>One submission. Method: MobileNumber, ResidentIdCard, UnifiedSocialCreditCode or NationalOnlineIdentity; userKind: Individual or Organisation.</summary>
public sealed record VerificationSubmissionDto(
    string? ExternalUserId, string? UserDisplayName, string? UserKind, string? Method,
    string? Identifier, string? RealName, DateTimeOffset? SubmittedAt);

public sealed record SubmittedVerification(int Index, SubmissionOutcome Outcome, long RecordId);

public sealed record SubmitVerificationsResponse(int Created, int AlreadySubmitted, IReadOnlyList<SubmittedVerification> Results);

/// <summary>
/// May the user publish. <c>sanction</c> and <c>sanctionEndsAt</c> name a sanction in force on the user (the most severe):
/// with reason <c>Sanctioned</c> it stops publishing; a <c>Warning</c> comes beside an otherwise unchanged answer.
/// </summary>
public sealed record EligibilityResponse(string ExternalUserId, bool Eligible, EligibilityReason Reason, VerificationMethod? Method,
    DateTimeOffset? VerifiedAt, DateTimeOffset? ExpiresAt, SanctionKind? Sanction, DateTimeOffset? SanctionEndsAt);

/// <summary>The HTTP API the provider's own platform calls: submit verifications, ask whether a user may publish (Art. 9).</summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .WithTags("Verification")
            .WithGroupName("v1");

        api.MapPost("/verifications", SubmitAsync)
            .RequireAuthorization(VerificationPermissions.Submit)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("SubmitVerifications")
            .WithSummary("Submit real-name verifications (1 to 1,000 in a batch). All are validated first; if any is invalid, none is stored.")
            .Accepts<SubmitVerificationsRequest>("application/json")
            .Produces<SubmitVerificationsResponse>()
            .ProducesBatchProblems();

        api.MapGet("/users/{externalId}/eligibility", EligibilityAsync)
            .RequireAuthorization(VerificationPermissions.CheckEligibility)
            .RequireApiRateLimit(ApiRateLimits.Eligibility)
            .WithName("GetPublishingEligibility")
            .WithSummary("May this platform user publish now, and if not, why not.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest httpRequest, ApiJsonBody body, VerificationSubmissionService submissions,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, problem) = await body.ReadAsync<SubmitVerificationsRequest>(httpRequest, ExpectedFormatKey);
        if (problem is not null) return problem;
        var items = request?.Items ?? [];
        if (items.Count is 0 or > VerificationSubmissionService.BatchSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["items"] = [localizer["Api.BatchSize", VerificationSubmissionService.BatchSize]],
            });
        }
        var results = await submissions.SubmitAsync(items.Select(i => new VerificationSubmission(i.ExternalUserId, i.UserDisplayName,
            ApiNames.Parse<PlatformUserKind>(i.UserKind), ApiNames.Parse<VerificationMethod>(i.Method), i.Identifier, i.RealName, i.SubmittedAt?.UtcDateTime)).ToList(),
            cancellationToken);

        var invalid = results.Where(r => r.Outcome == SubmissionOutcome.Invalid).ToList();
        if (invalid.Count > 0)
        {
            return TypedResults.ValidationProblem(invalid
                .SelectMany(r => r.Errors.Select(e => (Key: $"items[{r.Index}].{JsonName(e.Field)}", Message: localizer[e.MessageKey, e.Arguments].Value)))
                .GroupBy(e => e.Key)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var accepted = results.Select(r => new SubmittedVerification(r.Index, r.Outcome, r.RecordId!.Value)).ToList();
        return TypedResults.Ok(new SubmitVerificationsResponse(
            accepted.Count(r => r.Outcome == SubmissionOutcome.Created), accepted.Count(r => r.Outcome == SubmissionOutcome.AlreadySubmitted), accepted));
    }

    private static async Task<Ok<EligibilityResponse>> EligibilityAsync(string externalId, VerificationQueryService queries, CancellationToken cancellationToken)
    {
        var e = await queries.GetEligibilityAsync(externalId, cancellationToken);
        return TypedResults.Ok(new EligibilityResponse(e.ExternalUserId, e.Eligible, e.Reason, e.Method, Utc(e.VerifiedAtUtc), Utc(e.ExpiresAtUtc),
            e.Sanction, Utc(e.SanctionEndsAtUtc)));
    }

    private static string ExpectedFormatKey(string jsonProperty) => jsonProperty switch
    {
        "items" => "Api.ExpectedItems",
        "submittedAt" => "Api.ExpectedTime",
        _ => "Api.ExpectedString",
    };

    private static DateTimeOffset? Utc(DateTime? utc) => utc is null ? null : new DateTimeOffset(utc.Value, TimeSpan.Zero);

    private static string JsonName(string field) => field switch
    {
        nameof(VerificationSubmission.SubmittedAtUtc) => "submittedAt",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
