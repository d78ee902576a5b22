using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// One piece of synthesised content on the provider's platform, as the platform reported it: what it is, who made it,
/// and the labels found on it. The implicit label's fields are those of GB 45438-2025's <c>AIGC</c> metadata object.
/// </summary>
public sealed class ContentItem
{
    public long Id { get; set; }
    public string ExternalId { get; set; } = "";
    public long AuthorId { get; set; }
    public PlatformUser Author { get; set; } = default!;
    public MediaType MediaType { get; set; }
    public SynthesisCategory Category { get; set; }
    public string? Excerpt { get; set; }
    public string? MediaUrl { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex, when the platform sent it.</summary>
    public string? ContentHash { get; set; }

    public bool DeclaredAiGenerated { get; set; }
    public LabelStatus ExplicitLabel { get; set; }
    public LabelStatus ImplicitLabel { get; set; }
    public AigcLabel? AigcLabel { get; set; }
    public string? ContentProducer { get; set; }
    public string? ProduceId { get; set; }
    public string? ContentPropagator { get; set; }
    public string? PropagateId { get; set; }
    public string? ReservedCode1 { get; set; }
    public string? ReservedCode2 { get; set; }

    public DateTime? PublishedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}
