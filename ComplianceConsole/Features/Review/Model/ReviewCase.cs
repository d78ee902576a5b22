namespace ComplianceConsole.Features.Review;

public enum ReviewCaseState { Open = 1, Escalated = 2, Decided = 3 }

/// <summary>
/// The unit of queue work for one content item: all its flags, who holds it and until when, and how it was decided.
/// The item's media type, category and worst label state are copied here so each queue view is one index seek.
/// </summary>
public sealed class ReviewCase
{
    public long Id { get; set; }
    public long ContentItemId { get; set; }
    public ContentItem ContentItem { get; set; } = default!;
    public long AuthorId { get; set; }
    public ReviewCaseState State { get; set; }
    public DateTime OpenedAtUtc { get; set; }

    /// <summary>The earliest due time of the flags raised since the case was last decided.</summary>
    public DateTime DueAtUtc { get; set; }
    public int Priority { get; set; }

    /// <summary>Due time then priority as one ascending number (<see cref="ReviewQueueOrder"/>), so a queue page is a seek.</summary>
    public long QueueOrder { get; set; }
    public int FlagCount { get; set; }

    /// <summary>One bit per <see cref="FlagSource"/> among the case's flags (<see cref="ReviewSources.Bit"/>).</summary>
    public int SourceMask { get; set; }

    public MediaType MediaType { get; set; }
    public SynthesisCategory Category { get; set; }
    public LabelStatus LabelStatus { get; set; }

    public string? ClaimedById { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTime? ClaimedAtUtc { get; set; }
    public DateTime? ClaimExpiresAtUtc { get; set; }
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }

    public long? DecisionId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int Version { get; set; }
}
