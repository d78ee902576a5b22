using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>The implicit label as GB 45438-2025 puts it in a file's metadata: the <c>AIGC</c> object's fields.</summary>
public sealed record AigcLabelFields(int? Label, string? ContentProducer, string? ProduceId, string? ContentPropagator, string? PropagateId,
    string? ReservedCode1, string? ReservedCode2);

/// <summary>One content item as the platform submits it; an enum the caller named wrongly arrives as its undefined value 0.</summary>
public sealed record ContentSubmission(
    string? ExternalId, string? AuthorExternalId, string? AuthorDisplayName, MediaType? MediaType, SynthesisCategory? Category,
    string? Excerpt, string? MediaUrl, string? ContentHash, bool? DeclaredAiGenerated, AigcLabelFields? ImplicitLabel,
    LabelStatus? ImplicitLabelStatus, LabelStatus? ExplicitLabelStatus, DateTime? PublishedAtUtc)
{
    /// <summary>PDQ hashes of the item's image or of its video's frames; sending the item again with others replaces them.</summary>
    public IReadOnlyList<PerceptualHashSubmission>? PerceptualHashes { get; init; }

    /// <summary>The item's own file as the console read it, when the platform uploaded it with the item.</summary>
    public Labels.ContentFileAnalysis? File { get; init; }
}

/// <summary>A PDQ hash as 64 hex digits, its quality (0-100) if known, and for a video frame where it is, in milliseconds.</summary>
public sealed record PerceptualHashSubmission(string? Hash, int? Quality, int? FrameAtMs);

/// <summary>One flag the platform raises on an item it sent before.</summary>
public sealed record FlagSubmission(string? ContentExternalId, FlagSource? Source, string? Reason, string? ComplainantContact, string? ExternalId,
    DateTime? ReceivedAtUtc);

/// <summary>Created, updated (a changed item, its change kept), unchanged (a retry: nothing written) or invalid (nothing written, errors say why).</summary>
public enum IngestOutcome { Created, Updated, Unchanged, Invalid }

/// <summary>
/// What became of one item of a batch: the stored row (item or flag), the case it is in, how many flags this call
/// added, or each field that is wrong (named by its JSON path inside the item, e.g. <c>implicitLabel.label</c>).
/// </summary>
public sealed record IngestResult(int Index, IngestOutcome Outcome, long? Id, long? CaseId, int FlagsAdded, IReadOnlyList<FieldError> Errors)
{
    public static IngestResult Invalid(int index, IReadOnlyList<FieldError> errors) => new(index, IngestOutcome.Invalid, null, null, 0, errors);
}
