using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// A content item whose text waits for the search index (<see cref="ContentSearchIndexer"/>): ingestion queues each item it
/// writes with text, and the indexer reads the item's text as it is when it comes to it. No key to the item: an entry for an
/// item erased meanwhile is simply done.
/// </summary>
public sealed class PendingSearchItem
{
    public const string Table = "PendingSearchItems";

    public long Id { get; set; }
    public long ContentItemId { get; set; }
    public DateTime QueuedAtUtc { get; set; }

    /// <summary>The item was stored before (a changed text): whatever the index holds for it is removed first.</summary>
    public bool Replaces { get; set; }
}

internal sealed class PendingSearchItemConfiguration : IEntityTypeConfiguration<PendingSearchItem>
{
    public void Configure(EntityTypeBuilder<PendingSearchItem> builder) => builder.ToTable(PendingSearchItem.Table);
}
