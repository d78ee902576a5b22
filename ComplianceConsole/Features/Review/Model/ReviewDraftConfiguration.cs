using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ReviewDraftConfiguration : IEntityTypeConfiguration<ReviewDraft>
{
    public void Configure(EntityTypeBuilder<ReviewDraft> builder)
    {
        // A draft belongs to its case: whatever removes the case (retention) removes its drafts.
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(d => d.ReviewCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.StaffId).HasMaxLength(450).IsRequired();
        builder.HasIndex(d => new { d.ReviewCaseId, d.StaffId }).IsUnique();
    }
}
