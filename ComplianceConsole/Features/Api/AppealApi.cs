using ComplianceConsole.Common;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

/// <summary>An appeal: <c>contentExternalId</c> and/or <c>sanctionId</c> name what is appealed; <c>userExternalId</c> is the user it affects.</summary>
public sealed record SubmitAppealRequest(string? PlatformAppealId, string? ContentExternalId, long? SanctionId, string? UserExternalId, string? Statement);

public sealed record AppealedDecisionDto(DecisionOutcome Outcome, string ReasonCode, DateTimeOffset DecidedAt);

/// <summary>An appeal and where it stands; <c>outcome</c>, <c>reasonCode</c> and <c>decidedAt</c> once it is decided.</summary>
public sealed record AppealResponse(string PlatformAppealId, AppealState State, string ContentExternalId, long? SanctionId, AppealedDecisionDto AppealedDecision,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, AppealOutcome? Outcome, string? ReasonCode, DateTimeOffset? DecidedAt);

/// <summary>
/// The platform's users' appeals against decisions and sanctions (Art. 12): submitted once per platform appeal id (a retry
/// is answered as the first call was), then read back until decided.
/// </summary>
public static class AppealApi
{
    public static IEndpointRouteBuilder MapAppealApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/appeals")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireAuthorization(ReviewPermissions.SubmitAppeal)
            .WithTags("Appeals")
            .WithGroupName("v1");

        api.MapPost("", SubmitAsync)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("SubmitAppeal")
            .WithSummary("A platform user appeals a decision on their content or a sanction on them (contentExternalId, sanctionId or both), in their " +
                "own words. The appeal joins the item's review case, due under the appeals time limit. Idempotent on platformAppealId: the same " +
                "appeal sent again is answered as the first time (201); the same id with a different body is a 409. One appeal per decision.")
            .Accepts<SubmitAppealRequest>("application/json")
            .Produces<AppealResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesBatchProblems();

        api.MapGet("/{platformAppealId}", GetAsync)
            .RequireApiRateLimit(ApiRateLimits.Eligibility)
            .WithName("GetAppeal")
            .WithSummary("An appeal's state and, once decided, its outcome (Upheld, Overturned) and reason code. Overturned lifts the sanctions the " +
                "appealed decision imposed: the eligibility answer reflects it at once.")
            .Produces<AppealResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest httpRequest, ApiJsonBody body, AppealSubmissionService appeals,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, problem) = await body.ReadAsync<SubmitAppealRequest>(httpRequest, ExpectedFormatKey);
        if (problem is not null) return problem;
        var result = await appeals.SubmitAsync(new AppealSubmission(request?.PlatformAppealId, request?.ContentExternalId, request?.SanctionId,
            request?.UserExternalId, request?.Statement), cancellationToken);
        return result.Outcome switch
        {
            AppealSubmitOutcome.Created or AppealSubmitOutcome.Existing =>
                TypedResults.Created($"/api/v1/appeals/{Uri.EscapeDataString(result.Appeal!.PlatformAppealId)}", Response(result.Appeal)),
            AppealSubmitOutcome.Invalid => TypedResults.ValidationProblem(Errors(result.Errors, localizer)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: Message(result.Errors[0], localizer)),
        };
    }

    private static async Task<IResult> GetAsync(string platformAppealId, AppealSubmissionService appeals, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken) =>
        await appeals.GetAsync(platformAppealId, cancellationToken) is { } appeal
            ? TypedResults.Ok(Response(appeal))
            : ApiErrors.Problem(StatusCodes.Status404NotFound, localizer, "Appeals.NotFound", platformAppealId);

    private static AppealResponse Response(AppealView a) => new(a.PlatformAppealId, a.State, a.ContentExternalId, a.SanctionId,
        new AppealedDecisionDto(a.AppealedOutcome, a.AppealedReasonCode, Utc(a.AppealedDecidedAtUtc)), Utc(a.ReceivedAtUtc), Utc(a.DueAtUtc),
        a.Outcome, a.ReasonCode, a.DecidedAtUtc is { } decided ? Utc(decided) : null);

    private static Dictionary<string, string[]> Errors(IReadOnlyList<FieldError> errors, IStringLocalizer<SharedResource> localizer) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Message(e, localizer)).ToArray());

    private static string Message(FieldError error, IStringLocalizer<SharedResource> localizer) => localizer[error.MessageKey, error.Arguments].Value;

    private static string ExpectedFormatKey(string jsonProperty) => jsonProperty == "sanctionId" ? "Api.ExpectedInteger" : "Api.ExpectedString";

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);
}
