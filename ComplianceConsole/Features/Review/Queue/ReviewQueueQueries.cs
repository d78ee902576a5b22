using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>A row's place in the queue: where a keyset page starts or ends.</summary>
public sealed record ReviewQueueCursor(long QueueOrder, long Id);

public sealed record ReviewQueueRequest(ReviewQueueView View, int PageSize, PageAnchor Anchor = PageAnchor.First, ReviewQueueCursor? Cursor = null);

/// <summary>One case as the queue lists it. <see cref="ClaimedByName"/> is set only while the claim's lease runs.</summary>
public sealed record ReviewQueueRow(long Id, long QueueOrder, string ContentExternalId, MediaType MediaType, SynthesisCategory Category,
    string? Excerpt, LabelStatus LabelStatus, IReadOnlyList<FlagSource> Sources, int FlagCount, int Priority, DateTime DueAtUtc,
    string? ClaimedById, string? ClaimedByName, DateTime? ClaimExpiresAtUtc, string? AssignedToId, string? AssignedToName, ReviewCaseState State)
{
    public ReviewQueueCursor Cursor => new(QueueOrder, Id);
}
