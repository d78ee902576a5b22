using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ReviewCaseEventConfiguration : IEntityTypeConfiguration<ReviewCaseEvent>
{
    public void Configure(EntityTypeBuilder<ReviewCaseEvent> builder)
    {
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(e => e.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.HasIndex(e => new { e.ReviewCaseId, e.Id });
        builder.HasIndex(e => new { e.Kind, e.AtUtc });
    }
}
