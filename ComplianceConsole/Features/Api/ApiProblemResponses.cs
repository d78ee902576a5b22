namespace ComplianceConsole.Features.Api;

/// <summary>The problem answers every batch submission documents: bad items or JSON, too large, not JSON, no key, no scope, too many calls.</summary>
internal static class ApiProblemResponses
{
    public static RouteHandlerBuilder ProducesBatchProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
