using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ContentItemChangeConfiguration : IEntityTypeConfiguration<ContentItemChange>
{
    public void Configure(EntityTypeBuilder<ContentItemChange> builder)
    {
        builder.Property(c => c.Actor).HasMaxLength(256).IsRequired();
        builder.Property(c => c.ChangesJson).IsRequired();
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(c => c.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ContentItemId, c.AtUtc });
    }
}
