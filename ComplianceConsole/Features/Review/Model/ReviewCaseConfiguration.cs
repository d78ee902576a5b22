using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> builder)
    {
        builder.HasOne(c => c.ContentItem).WithMany().HasForeignKey(c => c.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ClaimedById).HasMaxLength(450);
        builder.Property(c => c.ClaimedByName).HasMaxLength(256);
        builder.Property(c => c.AssignedToId).HasMaxLength(450);
        builder.Property(c => c.AssignedToName).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ContentItemId).IsUnique();
        builder.HasIndex(c => c.AuthorId);
        builder.HasIndex(c => new { c.State, c.DecidedAtUtc });
        // The queue's views: one seek each (ReviewQueueIndexes).
        foreach (var index in ReviewQueueIndexes.All)
        {
            // Named: several share their columns (the whole queue and each source's partial index), and unnamed they would be one index.
            builder.HasIndex(index.Columns, index.Name).HasFilter(index.Filter);
        }
    }
}
