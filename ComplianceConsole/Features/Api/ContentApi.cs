using System.Text.Json.Serialization;
using ComplianceConsole.Common;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

/// <summary>The <c>AIGC</c> metadata object of GB 45438-2025. <c>label</c> may come as a number or a string ("1").</summary>
public sealed record AigcLabelDto(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? Label,
    string? ContentProducer, string? ProduceId, string? ContentPropagator, string? PropagateId, string? ReservedCode1, string? ReservedCode2);

public sealed record ContentItemDto(
    string? ExternalId, string? AuthorExternalId, string? AuthorDisplayName, string? MediaType, string? Category, string? Excerpt, string? MediaUrl,
    string? ContentHash, bool? DeclaredAiGenerated, AigcLabelDto? ImplicitLabel, string? ImplicitLabelStatus, string? ExplicitLabelStatus,
    DateTimeOffset? PublishedAt, IReadOnlyList<PerceptualHashDto?>? PerceptualHashes = null);

/// <summary>A PDQ hash (64 hex digits) of the item's image or of one of its video's frames (<c>frameAtMs</c>), with PDQ's quality 0-100.</summary>
public sealed record PerceptualHashDto(string? Hash, int? Quality, int? FrameAtMs);

public sealed record SubmitContentRequest(IReadOnlyList<ContentItemDto>? Items);

public sealed record FlagDto(string? ContentExternalId, string? Source, string? Reason, string? ComplainantContact, string? ExternalId, DateTimeOffset? ReceivedAt);

public sealed record SubmitFlagsRequest(IReadOnlyList<FlagDto>? Items);

/// <summary>One item's fate: <c>id</c> is the stored item or flag, <c>caseId</c> its review case; <c>errors</c> only when invalid.</summary>
public sealed record IngestedItem(int Index, IngestOutcome Outcome, long? Id, long? CaseId, int FlagsAdded, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record IngestResponse(int Created, int Updated, int Unchanged, int Invalid, IReadOnlyList<IngestedItem> Results);

/// <summary>The latest decision; <c>appeal</c> when the user appealed it (<c>platformAppealId</c>, <c>state</c>, <c>outcome</c>).</summary>
public sealed record ContentDecisionDto(DecisionOutcome Outcome, string ReasonCode, DateTimeOffset DecidedAt, ContentAppealDto? Appeal);

public sealed record ContentAppealDto(string PlatformAppealId, AppealState State, AppealOutcome? Outcome);

/// <summary>A sanction in force on the item's author; <c>id</c> is what an appeal against it names (<c>sanctionId</c>).</summary>
public sealed record AuthorSanctionDto(long Id, SanctionKind Kind, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string ReasonCode);

public sealed record ContentStatusResponse(string ExternalId, ContentCaseState CaseState, int OpenFlags, ContentDecisionDto? LatestDecision,
    IReadOnlyList<AuthorSanctionDto> AuthorSanctions);

/// <summary>
/// The platform's side of content review (Art. 10-12, 16-18): content items and flags in batches with a result per
/// item (one bad item never costs the good ones), and each item's case, decision and its author's sanctions.
/// </summary>
public static class ContentApi
{
    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .WithTags("Content review")
            .WithGroupName("v1");

        api.MapPost("/content", SubmitContentAsync)
            .RequireAuthorization(ReviewPermissions.SubmitContent)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("SubmitContent")
            .WithSummary("Submit content items (1 to 1,000 in a batch), idempotent on externalId. Each item is validated on its own: valid ones are " +
                "stored (Created, Updated with its change kept, or Unchanged for a retry), invalid ones are named with their errors. New and changed " +
                "items run through the feature library and the label checks, which may open a review case.")
            .Accepts<SubmitContentRequest>("application/json")
            .Produces<IngestResponse>()
            .ProducesBatchProblems();

        api.MapPost("/content/file", ContentFileUpload.SubmitAsync)
            .RequireAuthorization(ReviewPermissions.SubmitContent)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("SubmitContentWithFile")
            .WithSummary("Submit one content item with its file (multipart/form-data: part \"item\" is the item as JSON, as in POST /content; part " +
                "\"file\" is the image, audio or video). The console reads the file's own GB 45438-2025 implicit label, checks it against the item, " +
                "keeps the reading, its SHA-256 and an image's PDQ hash (not the file), and flags every fault it finds. Answers as POST /content.")
            // Its two parts are described in the summary: Accepts metadata cannot say that one part is JSON and the other a file.
            .Produces<IngestResponse>()
            .ProducesBatchProblems();

        api.MapPost("/flags", SubmitFlagsAsync)
            .RequireAuthorization(ReviewPermissions.SubmitContent)
            .RequireApiRateLimit(ApiRateLimits.Submit)
            .WithName("SubmitFlags")
            .WithSummary("Flag content items sent before (1 to 1,000 in a batch): complaints, regulator notices, staff reports. Each flag joins its " +
                "item's review case. A flag with an externalId is stored once however often it is sent (Unchanged).")
            .Accepts<SubmitFlagsRequest>("application/json")
            .Produces<IngestResponse>()
            .ProducesBatchProblems();

        api.MapGet("/content/{externalId}", GetStatusAsync)
            .RequireAuthorization(ReviewPermissions.ReadContent)
            .RequireApiRateLimit(ApiRateLimits.Eligibility)
            .WithName("GetContentStatus")
            .WithSummary("An item's review case state, open flags, latest decision, and the sanctions in force on its author.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> SubmitContentAsync(HttpRequest httpRequest, ApiJsonBody body, ContentIngestionService ingestion,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, problem) = await body.ReadAsync<SubmitContentRequest>(httpRequest, ExpectedFormatKey);
        if (problem is not null) return problem;
        if (BatchSizeProblem(request?.Items, localizer) is { } sizeProblem) return sizeProblem;
        var results = await ingestion.SubmitContentAsync(request!.Items!.Select(Submission).ToList(), cancellationToken);
        return TypedResults.Ok(Response(results, localizer));
    }

    internal static ContentSubmission Submission(ContentItemDto? i) => i is null ? Empty : new ContentSubmission(
        i.ExternalId, i.AuthorExternalId, i.AuthorDisplayName, ApiNames.Parse<MediaType>(i.MediaType), ApiNames.Parse<SynthesisCategory>(i.Category),
        i.Excerpt, i.MediaUrl, i.ContentHash, i.DeclaredAiGenerated,
        i.ImplicitLabel is { } l ? new AigcLabelFields(l.Label, l.ContentProducer, l.ProduceId, l.ContentPropagator, l.PropagateId, l.ReservedCode1, l.ReservedCode2) : null,
        ApiNames.Parse<LabelStatus>(i.ImplicitLabelStatus), ApiNames.Parse<LabelStatus>(i.ExplicitLabelStatus), i.PublishedAt?.UtcDateTime)
    {
        PerceptualHashes = i.PerceptualHashes?.Select(h => h is null ? null! : new PerceptualHashSubmission(h.Hash, h.Quality, h.FrameAtMs)).ToList(),
    };

    private static async Task<IResult> SubmitFlagsAsync(HttpRequest httpRequest, ApiJsonBody body, ContentIngestionService ingestion,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, problem) = await body.ReadAsync<SubmitFlagsRequest>(httpRequest, ExpectedFormatKey);
        if (problem is not null) return problem;
        if (BatchSizeProblem(request?.Items, localizer) is { } sizeProblem) return sizeProblem;
        var results = await ingestion.SubmitFlagsAsync(request!.Items!.Select(i => new FlagSubmission(i?.ContentExternalId, ApiNames.Parse<FlagSource>(i?.Source),
            i?.Reason, i?.ComplainantContact, i?.ExternalId, i?.ReceivedAt?.UtcDateTime)).ToList(), cancellationToken);
        return TypedResults.Ok(Response(results, localizer));
    }

    private static async Task<Results<Ok<ContentStatusResponse>, ProblemHttpResult>> GetStatusAsync(string externalId, ContentStatusService statuses,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await statuses.GetAsync(externalId, cancellationToken) is not { } s)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: localizer["Content.NotFound", externalId]);
        return TypedResults.Ok(new ContentStatusResponse(s.ExternalId, s.CaseState, s.OpenFlags,
            s.LatestDecision is { } d ? new ContentDecisionDto(d.Outcome, d.ReasonCode, Utc(d.DecidedAtUtc),
                d.Appeal is { } a ? new ContentAppealDto(a.PlatformAppealId, a.State, a.Outcome) : null) : null,
            s.AuthorSanctions.Select(a => new AuthorSanctionDto(a.Id, a.Kind, Utc(a.StartsAtUtc), a.EndsAtUtc is { } end ? Utc(end) : null, a.ReasonCode)).ToList()));
    }

    private static readonly ContentSubmission Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static IResult? BatchSizeProblem<T>(IReadOnlyList<T>? items, IStringLocalizer<SharedResource> localizer) =>
        items is { Count: > 0 and <= ContentRules.BatchSize } ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [localizer["Api.BatchSize", ContentRules.BatchSize]] });

    internal static IngestResponse Response(IReadOnlyList<IngestResult> results, IStringLocalizer<SharedResource> localizer) => new(
        results.Count(r => r.Outcome == IngestOutcome.Created), results.Count(r => r.Outcome == IngestOutcome.Updated),
        results.Count(r => r.Outcome == IngestOutcome.Unchanged), results.Count(r => r.Outcome == IngestOutcome.Invalid),
        results.Select(r => new IngestedItem(r.Index, r.Outcome, r.Id, r.CaseId, r.FlagsAdded, r.Errors.Count == 0 ? null : Errors(r.Index, r.Errors, localizer))).ToList());

    private static Dictionary<string, string[]> Errors(int index, IReadOnlyList<FieldError> errors, IStringLocalizer<SharedResource> localizer) =>
        errors.GroupBy(e => $"items[{index}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey, e.Arguments].Value).ToArray());

    internal static string ExpectedFormatKey(string jsonProperty) => jsonProperty switch
    {
        "items" => "Api.ExpectedItems",
        "publishedAt" or "receivedAt" => "Api.ExpectedTime",
        "declaredAiGenerated" => "Api.ExpectedBoolean",
        "implicitLabel" => "Api.ExpectedObject",
        "perceptualHashes" => "Api.ExpectedList",
        "quality" or "frameAtMs" => "Api.ExpectedInteger",
        "label" => "Api.ExpectedAigcLabel",
        _ => "Api.ExpectedString",
    };

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);
}
