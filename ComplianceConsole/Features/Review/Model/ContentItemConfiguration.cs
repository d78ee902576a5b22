using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ExternalId).HasMaxLength(ContentRules.MaxExternalIdLength).IsRequired();
        builder.Property(c => c.Excerpt).HasMaxLength(ContentRules.MaxExcerptLength);
        builder.Property(c => c.MediaUrl).HasMaxLength(ContentRules.MaxUrlLength);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        foreach (var field in new[] { nameof(ContentItem.ContentProducer), nameof(ContentItem.ProduceId), nameof(ContentItem.ContentPropagator),
                     nameof(ContentItem.PropagateId), nameof(ContentItem.ReservedCode1), nameof(ContentItem.ReservedCode2) })
        {
            builder.Property(field).HasMaxLength(ContentRules.MaxLabelFieldLength);
        }
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => c.AuthorId);
    }
}
