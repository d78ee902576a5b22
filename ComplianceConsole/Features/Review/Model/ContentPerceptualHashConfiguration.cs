using ComplianceConsole.Features.Review.HashBanks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ContentPerceptualHashConfiguration : IEntityTypeConfiguration<ContentPerceptualHash>
{
    public void Configure(EntityTypeBuilder<ContentPerceptualHash> builder)
    {
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(h => h.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.Hash).HasMaxLength(PdqHash.HexLength).IsFixedLength().IsRequired();
        builder.HasIndex(h => h.ContentItemId);
    }
}
