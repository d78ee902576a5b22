namespace ComplianceConsole.Features.Review;

/// <summary>A row's place in the queue: where a keyset page starts or ends.</summary>
public sealed record ReviewQueueCursor(long QueueOrder, long Id);

/// <summary>Which page: the first, the one after or before a cursor (keyset seeks both ways), or the last (the first, reversed).</summary>
public enum ReviewQueueAnchor { First, After, Before, Last }

public sealed record ReviewQueueRequest(ReviewQueueView View, int PageSize, ReviewQueueAnchor Anchor = ReviewQueueAnchor.First, ReviewQueueCursor? Cursor = null);

public sealed record ReviewQueuePage(IReadOnlyList<ReviewQueueRow> Items, bool HasPrevious, bool HasNext);

/// <summary>How many cases a view lists; <see cref="AtLeast"/> when counting stopped at the bound (shown as "10,000+").</summary>
public sealed record ReviewQueueCount(int Value, bool AtLeast);

/// <summary>One case as the queue lists it. <see cref="ClaimedByName"/> is set only while the claim's lease runs.</summary>
public sealed record ReviewQueueRow(long Id, long QueueOrder, string ContentExternalId, MediaType MediaType, SynthesisCategory Category,
    string? Excerpt, LabelStatus LabelStatus, IReadOnlyList<FlagSource> Sources, int FlagCount, int Priority, DateTime DueAtUtc,
    string? ClaimedById, string? ClaimedByName, DateTime? ClaimExpiresAtUtc, string? AssignedToId, string? AssignedToName, ReviewCaseState State)
{
    public ReviewQueueCursor Cursor => new(QueueOrder, Id);
}
