using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>A submitted item that passed validation, normalised, with its author still by the platform's id.</summary>
internal sealed record ValidContent(ContentItem Item, string AuthorExternalId, string AuthorDisplayName, IReadOnlyList<ContentPerceptualHash> Hashes)
{
    /// <summary>The hashes in one comparable line: a resubmission with other hashes is a change.</summary>
    public string? HashesText => PerceptualHashes.Text(Hashes);
}

/// <summary>A submitted flag that passed validation, normalised; the contact still in plain text, to be encrypted.</summary>
internal sealed record ValidFlag(string ContentExternalId, FlagSource Source, string Reason, string? ComplainantContact, string? ExternalId, DateTime ReceivedAtUtc);

/// <summary>
/// The rules for what the platform sends into the review feature. Field errors name the item's JSON fields, so the
/// API reports them as <c>items[n].field</c>. Times follow the verification API's rules (not before 2000, not ahead
/// of the server by more than its allowed skew).
/// </summary>
internal static class ContentValidation
{
    public const int MaxContactLength = 256;

    public static (ValidContent? Content, List<FieldError> Errors) Validate(ContentSubmission s, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        var externalId = Identifier("externalId", s.ExternalId, ContentRules.MaxExternalIdLength, errors);
        var authorId = Identifier("authorExternalId", s.AuthorExternalId, PlatformInput.MaxExternalIdLength, errors);
        var displayName = Text("authorDisplayName", s.AuthorDisplayName, PlatformInput.MaxDisplayNameLength, errors) ?? "";
        var mediaType = Named("mediaType", s.MediaType, errors);
        var category = Named("category", s.Category, errors);
        var excerpt = Text("excerpt", s.Excerpt, ContentRules.MaxExcerptLength, errors, multiline: true);
        var mediaUrl = Text("mediaUrl", s.MediaUrl, ContentRules.MaxUrlLength, errors);
        if (mediaUrl is not null && !(Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add(new("mediaUrl", "Content.UrlInvalid"));
        var hash = s.ContentHash?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(hash)) hash = null;
        else if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit)) errors.Add(new("contentHash", "Content.HashInvalid"));
        if (s.DeclaredAiGenerated is null) errors.Add(new("declaredAiGenerated", "Validation.Required"));
        var explicitLabel = Named("explicitLabelStatus", s.ExplicitLabelStatus, errors);
        var implicitLabel = ImplicitStatus(s, errors);
        var aigc = s.ImplicitLabel;
        AigcLabel? aigcLabel = null;
        if (aigc is not null)
        {
            if (aigc.Label is null) errors.Add(new("implicitLabel.label", "Validation.Required"));
            else if (!Enum.IsDefined((AigcLabel)aigc.Label.Value)) errors.Add(new("implicitLabel.label", "Content.AigcLabelInvalid"));
            else aigcLabel = (AigcLabel)aigc.Label.Value;
        }
        string? Label(string field, string? value) => Text($"implicitLabel.{field}", value, ContentRules.MaxLabelFieldLength, errors);
        var producer = Label("contentProducer", aigc?.ContentProducer);
        var produceId = Label("produceId", aigc?.ProduceId);
        var propagator = Label("contentPropagator", aigc?.ContentPropagator);
        var propagateId = Label("propagateId", aigc?.PropagateId);
        var reserved1 = Label("reservedCode1", aigc?.ReservedCode1);
        var reserved2 = Label("reservedCode2", aigc?.ReservedCode2);
        if (TimeError("publishedAt", s.PublishedAtUtc, nowUtc) is { } timeError) errors.Add(timeError);
        var hashes = PerceptualHashes.Validate(s.PerceptualHashes, errors);
        if (errors.Count > 0) return (null, errors);

        return (new ValidContent(new ContentItem
        {
            ExternalId = externalId, MediaType = mediaType!.Value, Category = category!.Value, Excerpt = excerpt, MediaUrl = mediaUrl, ContentHash = hash,
            DeclaredAiGenerated = s.DeclaredAiGenerated!.Value, ExplicitLabel = explicitLabel!.Value, ImplicitLabel = implicitLabel!.Value, AigcLabel = aigcLabel,
            ContentProducer = producer, ProduceId = produceId, ContentPropagator = propagator, PropagateId = propagateId,
            ReservedCode1 = reserved1, ReservedCode2 = reserved2, PublishedAtUtc = s.PublishedAtUtc,
        }, authorId, displayName, hashes), errors);
    }

    public static (ValidFlag? Flag, List<FieldError> Errors) Validate(FlagSubmission s, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        var contentId = Identifier("contentExternalId", s.ContentExternalId, ContentRules.MaxExternalIdLength, errors);
        var source = Named("source", s.Source, errors);
        var reason = Text("reason", s.Reason, ContentRules.MaxReasonLength, errors, multiline: true);
        if (reason is null && !errors.Any(e => e.Field == "reason")) errors.Add(new("reason", "Validation.Required"));
        var contact = Text("complainantContact", s.ComplainantContact, MaxContactLength, errors);
        if (contact is not null && source is not null and not FlagSource.UserComplaint) errors.Add(new("complainantContact", "Content.ContactOnlyForComplaints"));
        var externalId = Text("externalId", s.ExternalId, ContentRules.MaxExternalIdLength, errors);
        if (source == FlagSource.Appeal) errors.Add(new("source", "Content.AppealsHaveTheirOwnCall"));
        if (TimeError("receivedAt", s.ReceivedAtUtc, nowUtc) is { } timeError) errors.Add(timeError);
        return errors.Count > 0 ? (null, errors) : (new ValidFlag(contentId, source!.Value, reason!, contact, externalId, s.ReceivedAtUtc ?? nowUtc), errors);
    }

    /// <summary>Absent means Present when the platform sent the AIGC object and Missing when it did not; a stated status must agree with it.</summary>
    private static LabelStatus? ImplicitStatus(ContentSubmission s, List<FieldError> errors)
    {
        var status = Named("implicitLabelStatus", s.ImplicitLabelStatus, errors, required: false);
        if (s.ImplicitLabelStatus is { } given && !Enum.IsDefined(given)) return null;
        status ??= s.ImplicitLabel is null ? LabelStatus.Missing : LabelStatus.Present;
        if (status == LabelStatus.Present && s.ImplicitLabel is null) errors.Add(new("implicitLabel", "Content.ImplicitLabelRequired"));
        if (status == LabelStatus.Missing && s.ImplicitLabel is not null) errors.Add(new("implicitLabelStatus", "Content.ImplicitLabelNotMissing"));
        return status;
    }

    internal static string Identifier(string field, string? value, int maxLength, List<FieldError> errors)
    {
        var text = Text(field, value, maxLength, errors);
        if (text is null && !errors.Any(e => e.Field == field)) errors.Add(new(field, "Validation.Required"));
        return text ?? "";
    }

    /// <summary>Trimmed, or null when empty. Line breaks and tabs are allowed inside an excerpt or a reason, in nothing else.</summary>
    internal static string? Text(string field, string? value, int maxLength, List<FieldError> errors, bool multiline = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (multiline ? SafeText.HasForbiddenCharactersInFreeText(text) : SafeText.HasForbiddenCharacters(text))
            errors.Add(new(field, "Validation.ForbiddenCharacters"));
        else if (text.Length > maxLength) errors.Add(new(field, "Validation.TooLong", maxLength));
        return text;
    }

    private static TEnum? Named<TEnum>(string field, TEnum? value, List<FieldError> errors, bool required = true) where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required) errors.Add(new(field, "Validation.Required"));
            return null;
        }
        if (Enum.IsDefined(value.Value)) return value;
        errors.Add(new(field, "Content.UnknownName", string.Join(", ", Enum.GetNames<TEnum>())));
        return null;
    }

    private static FieldError? TimeError(string field, DateTime? utc, DateTime nowUtc) =>
        utc < PlatformInput.EarliestSubmittedAtUtc
            ? new(field, "Content.TimeTooEarly", PlatformInput.EarliestSubmittedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : utc > nowUtc + PlatformInput.AllowedClockSkew
            ? new(field, "Content.TimeInFuture", PlatformInput.AllowedClockSkew.TotalMinutes)
        : null;
}
