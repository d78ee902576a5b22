using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ComplaintFeedbackConfiguration : IEntityTypeConfiguration<ComplaintFeedback>
{
    public void Configure(EntityTypeBuilder<ComplaintFeedback> builder)
    {
        builder.HasOne<Flag>().WithMany().HasForeignKey(f => f.FlagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(f => f.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(f => f.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Answer).HasMaxLength(ContentRules.MaxNoteLength).IsRequired();
        builder.Property(f => f.RecordedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(f => f.FlagId);
        builder.HasIndex(f => f.ReviewCaseId);
        builder.HasIndex(f => f.AnsweredAtUtc);
    }
}
