using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

public sealed record AccountClosureDto(DateTimeOffset? ClosedAt);

public sealed record AccountClosureResponse(string ExternalUserId, DateTimeOffset ClosedAt);

/// <summary>The platform reports a closed account, so that the retention of its verification records (PIPL Art. 47) can start.</summary>
public static class AccountClosureApi
{
    public static IEndpointRouteBuilder MapAccountClosureApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/users/{externalId}/closure", CloseAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireAuthorization(VerificationPermissions.Submit)
            .RequireRateLimiting(ApiRateLimits.Submit)
            .WithTags("Verification")
            .WithGroupName("v1")
            .WithName("CloseAccount")
            .WithSummary("Record that the platform closed the user's account (closedAt optional, now if absent; a time in the future counts as now). " +
                "The retention of the user's verification records runs from then; reporting it again keeps the first time.")
            .Accepts<AccountClosureDto>("application/json")
            .Produces<AccountClosureResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> CloseAsync(string externalId, HttpRequest httpRequest, ApiJsonBody body, AccountClosureService closures,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        AccountClosureDto? dto = null;
        if (httpRequest.ContentLength is > 0 || (httpRequest.ContentLength is null && httpRequest.Headers.TransferEncoding.Count > 0))
        {
            (dto, var problem) = await body.ReadAsync<AccountClosureDto>(httpRequest, _ => "Api.ExpectedTime");
            if (problem is not null) return problem;
        }
        return await closures.CloseFromPlatformAsync(externalId.Trim(), dto?.ClosedAt?.UtcDateTime, cancellationToken) is { } at
            ? TypedResults.Ok(new AccountClosureResponse(externalId.Trim(), new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: localizer["Retention.UserNotFound", externalId]);
    }
}
