using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Every value the API accepts or answers, with what it means, for the OpenAPI document: enums are strings there,
/// listed with their values, and the string fields that take an enum's name list them too. The README's tables say the same.
/// </summary>
public static class ApiEnumDocs
{
    public static readonly IReadOnlyDictionary<Type, IReadOnlyDictionary<string, string>> Meanings = new Dictionary<Type, IReadOnlyDictionary<string, string>>
    {
        [typeof(PlatformUserKind)] = new Dictionary<string, string>
        {
            [nameof(PlatformUserKind.Individual)] = "a natural person (the default when userKind is absent)",
            [nameof(PlatformUserKind.Organisation)] = "a company or other organisation",
        },
        [typeof(VerificationMethod)] = new Dictionary<string, string>
        {
            [nameof(VerificationMethod.MobileNumber)] = "mainland mobile number (+86, spaces and dashes allowed)",
            [nameof(VerificationMethod.ResidentIdCard)] = "resident identity card number, 18 characters with its GB 11643 check character (X allowed)",
            [nameof(VerificationMethod.UnifiedSocialCreditCode)] = "unified social credit code of an organisation, 18 characters with its GB 32100 check character",
            [nameof(VerificationMethod.NationalOnlineIdentity)] = "national online identity authentication token, passed as issued (case matters)",
        },
        [typeof(EligibilityReason)] = new Dictionary<string, string>
        {
            [nameof(EligibilityReason.Verified)] = "a verification is in force: the user may publish (eligible is true only for this reason)",
            [nameof(EligibilityReason.UnknownUser)] = "no verification was ever submitted for this user id",
            [nameof(EligibilityReason.NoVerification)] = "the user is known but has no verification record",
            [nameof(EligibilityReason.Pending)] = "the latest verification awaits a Verifier's decision",
            [nameof(EligibilityReason.Rejected)] = "the latest verification was rejected; submit a new one",
            [nameof(EligibilityReason.Expired)] = "the latest verification has expired; submit a new one",
            [nameof(EligibilityReason.Revoked)] = "the latest verification was revoked",
            [nameof(EligibilityReason.Sanctioned)] = "a sanction in force stops the user publishing, whatever the verification says; sanction and sanctionEndsAt name it",
        },
        [typeof(SanctionKind)] = new Dictionary<string, string>
        {
            [nameof(SanctionKind.Warning)] = "a warning on record: shown beside the answer, the user may still publish",
            [nameof(SanctionKind.FunctionRestriction)] = "functions restricted: may not publish until sanctionEndsAt (none: until lifted)",
            [nameof(SanctionKind.Suspension)] = "account suspended until sanctionEndsAt: may not publish",
            [nameof(SanctionKind.AccountClosure)] = "account closed: may not publish",
        },
        [typeof(SubmissionOutcome)] = new Dictionary<string, string>
        {
            [nameof(SubmissionOutcome.Created)] = "stored as a new pending record (recordId)",
            [nameof(SubmissionOutcome.AlreadySubmitted)] = "the same submission (user, method, identifier, time) was stored before; recordId is that record",
            [nameof(SubmissionOutcome.Invalid)] = "never in a 200 answer: an invalid item makes the whole batch a 400 naming its fields",
            [nameof(SubmissionOutcome.NotStored)] = "never in a 200 answer: a valid item of a batch refused for another item's error",
        },
        [typeof(MediaType)] = new Dictionary<string, string>
        {
            [nameof(MediaType.Text)] = "text", [nameof(MediaType.Image)] = "an image", [nameof(MediaType.Audio)] = "audio",
            [nameof(MediaType.Video)] = "video", [nameof(MediaType.VirtualScene)] = "a virtual or immersive scene",
        },
        [typeof(SynthesisCategory)] = new Dictionary<string, string>
        {
            [nameof(SynthesisCategory.PersonImitationText)] = "dialogue, writing or other text generation imitating a natural person (Art. 17)",
            [nameof(SynthesisCategory.VoiceSynthesis)] = "voice synthesis, voice imitation, or editing that markedly changes a voice",
            [nameof(SynthesisCategory.FaceManipulation)] = "face generation, swap or manipulation, posture manipulation",
            [nameof(SynthesisCategory.ImmersiveScene)] = "immersive, lifelike scenes",
            [nameof(SynthesisCategory.Other)] = "other deep synthesis",
        },
        [typeof(LabelStatus)] = new Dictionary<string, string>
        {
            [nameof(LabelStatus.Present)] = "the label is there, intact",
            [nameof(LabelStatus.Missing)] = "the label is absent (raises a LabelCheck flag)",
            [nameof(LabelStatus.Tampered)] = "the label was removed in part, altered or forged (raises a LabelCheck flag)",
        },
        [typeof(FlagSource)] = new Dictionary<string, string>
        {
            [nameof(FlagSource.FeatureLibrary)] = "a feature-library rule (the console raises these itself on ingestion)",
            [nameof(FlagSource.UserComplaint)] = "a user's complaint or report (Art. 12); complainantContact allowed",
            [nameof(FlagSource.LabelCheck)] = "a missing, tampered or contradictory label (the console raises these itself on ingestion)",
            [nameof(FlagSource.RegulatorNotice)] = "a notice from the authorities",
            [nameof(FlagSource.Staff)] = "the provider's own staff",
            [nameof(FlagSource.Appeal)] = "a user's appeal against a decision (Art. 12): refused here, sent through POST /api/v1/appeals",
        },
        [typeof(AppealState)] = new Dictionary<string, string>
        {
            [nameof(AppealState.Open)] = "in the review queue, due at dueAt",
            [nameof(AppealState.Decided)] = "decided: outcome, reasonCode and decidedAt say how",
        },
        [typeof(AppealOutcome)] = new Dictionary<string, string>
        {
            [nameof(AppealOutcome.Upheld)] = "the appealed decision stands, with its sanctions",
            [nameof(AppealOutcome.Overturned)] = "the appealed decision was wrong: the sanctions it imposed are lifted, and the eligibility answer no longer counts them",
        },
        [typeof(IngestOutcome)] = new Dictionary<string, string>
        {
            [nameof(IngestOutcome.Created)] = "stored as new (id)",
            [nameof(IngestOutcome.Updated)] = "a changed item: stored, its version raised and the change kept in its history",
            [nameof(IngestOutcome.Unchanged)] = "sent before exactly so (a retry): nothing written; id is the stored row",
            [nameof(IngestOutcome.Invalid)] = "not stored; errors names each field (items[n].field) and why",
        },
        [typeof(ContentCaseState)] = new Dictionary<string, string>
        {
            [nameof(ContentCaseState.None)] = "never flagged: no review case",
            [nameof(ContentCaseState.Open)] = "in the review queue",
            [nameof(ContentCaseState.Escalated)] = "escalated to a compliance manager",
            [nameof(ContentCaseState.Decided)] = "decided (latestDecision) with no flag since",
        },
        [typeof(DecisionOutcome)] = new Dictionary<string, string>
        {
            [nameof(DecisionOutcome.NoViolation)] = "no violation found",
            [nameof(DecisionOutcome.LabelRequired)] = "the item must carry its AI-generated labels",
            [nameof(DecisionOutcome.Removed)] = "the item must be taken down",
            [nameof(DecisionOutcome.RumourRefuted)] = "a rumour: refuted (Art. 11)",
            [nameof(DecisionOutcome.Escalated)] = "escalated to a compliance manager",
            [nameof(DecisionOutcome.ReportedToRegulator)] = "reported to the authorities",
        },
        [typeof(SanctionKind)] = new Dictionary<string, string>
        {
            [nameof(SanctionKind.Warning)] = "a warning", [nameof(SanctionKind.FunctionRestriction)] = "some functions restricted",
            [nameof(SanctionKind.Suspension)] = "suspended until endsAt", [nameof(SanctionKind.AccountClosure)] = "account closed",
        },
    };

    /// <summary>The string fields of a request's items that take an enum's name.</summary>
    private static readonly IReadOnlyDictionary<(Type, string), Type> NamedFields = new Dictionary<(Type, string), Type>
    {
        [(typeof(VerificationSubmissionDto), "userKind")] = typeof(PlatformUserKind),
        [(typeof(VerificationSubmissionDto), "method")] = typeof(VerificationMethod),
        [(typeof(ContentItemDto), "mediaType")] = typeof(MediaType),
        [(typeof(ContentItemDto), "category")] = typeof(SynthesisCategory),
        [(typeof(ContentItemDto), "implicitLabelStatus")] = typeof(LabelStatus),
        [(typeof(ContentItemDto), "explicitLabelStatus")] = typeof(LabelStatus),
        [(typeof(FlagDto), "source")] = typeof(FlagSource),
    };

    private static readonly string[] RequiredSubmissionFields = ["externalUserId", "method", "identifier", "realName"];

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (Meanings.TryGetValue(type, out var values))
        {
            Describe(schema, type, values);
        }
        else if (context.JsonPropertyInfo is { } property && NamedFields.TryGetValue((property.DeclaringType, property.Name), out var enumType))
        {
            Describe(schema, enumType, Meanings[enumType]);
        }
        else if (context.JsonPropertyInfo is { Name: "submittedAt" } submittedAt && submittedAt.DeclaringType == typeof(VerificationSubmissionDto))
        {
            schema.Description = $"When the user submitted it, ISO 8601 with an offset; absent means now. Not before " +
                $"{PlatformInput.EarliestSubmittedAtUtc:yyyy-MM-dd} (UTC), nor more than {PlatformInput.AllowedClockSkew.TotalMinutes} minutes ahead of the server's clock.";
        }
        else if (context.JsonPropertyInfo is null && type == typeof(VerificationSubmissionDto))
        {
            schema.Required = new HashSet<string>(RequiredSubmissionFields);
        }
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, Type enumType, IReadOnlyDictionary<string, string> values)
    {
        schema.Type = JsonSchemaType.String; // an optional field is left out rather than sent as null
        schema.Enum = [.. Enum.GetNames(enumType).Select(name => (System.Text.Json.Nodes.JsonNode)name)];
        schema.Description = string.Join("; ", Enum.GetNames(enumType).Select(name => $"{name}: {values[name]}")) + ".";
    }
}
