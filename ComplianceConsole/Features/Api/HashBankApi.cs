using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

/// <summary>A PDQ hash for a bank: 64 hex digits, PDQ's quality 0-100 if known, and a note (e.g. the platform's own reference).</summary>
public sealed record BankHashDto(string? Hash, int? Quality, string? Note);

public sealed record SubmitBankHashesRequest(IReadOnlyList<BankHashDto?>? Items);

/// <summary>One hash's fate: <c>id</c> is its entry in the bank (the existing one when it was there already); <c>errors</c> only when invalid.</summary>
public sealed record BankHashResult(int Index, HashEntryOutcome Outcome, long? Id, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record SubmitBankHashesResponse(int Added, int AlreadyInBank, int Invalid, IReadOnlyList<BankHashResult> Results);

/// <summary>The platform fills a hash bank a Manager created, by its name: hashes of images it removed itself, or known false positives.</summary>
public static class HashBankApi
{
    public static IEndpointRouteBuilder MapHashBankApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/hash-banks/{bankName}/hashes", SubmitAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireAuthorization(HashBankPermissions.Submit)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithTags("Hash banks")
            .WithGroupName("v1")
            .WithName("SubmitBankHashes")
            .WithSummary("Add PDQ hashes (1 to 1,000 in a batch) to the hash bank of this name. Each hash is checked on its own: added, AlreadyInBank " +
                "(a retry adds nothing) or Invalid with its errors. Items received from then on are matched against it.")
            .Accepts<SubmitBankHashesRequest>("application/json")
            .Produces<SubmitBankHashesResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesBatchProblems();
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(string bankName, HttpRequest httpRequest, ApiJsonBody body, HashBankService banks,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, problem) = await body.ReadAsync<SubmitBankHashesRequest>(httpRequest, ExpectedFormatKey);
        if (problem is not null) return problem;
        if (request?.Items is not { Count: > 0 and <= ContentRules.BatchSize } items)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [localizer["Api.BatchSize", ContentRules.BatchSize]] });
        var results = await banks.SubmitEntriesAsync(bankName, items.Select(i => new HashEntryInput(i?.Hash, i?.Quality, i?.Note)).ToList(), cancellationToken);
        if (results is null) return ApiErrors.Problem(StatusCodes.Status404NotFound, localizer, "HashBank.NotFoundNamed", bankName);
        return TypedResults.Ok(new SubmitBankHashesResponse(results.Count(r => r.Outcome == HashEntryOutcome.Added),
            results.Count(r => r.Outcome == HashEntryOutcome.AlreadyInBank), results.Count(r => r.Outcome == HashEntryOutcome.Invalid),
            results.Select(r => new BankHashResult(r.Index, r.Outcome, r.EntryId, r.Errors.Count == 0 ? null
                : r.Errors.GroupBy(e => $"items[{r.Index}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey, e.Arguments].Value).ToArray())))
            .ToList()));
    }

    private static string ExpectedFormatKey(string jsonProperty) => jsonProperty switch
    {
        "items" => "Api.ExpectedItems",
        "quality" => "Api.ExpectedInteger",
        _ => "Api.ExpectedString",
    };
}
