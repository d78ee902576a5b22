using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class RumourRefutationConfiguration : IEntityTypeConfiguration<RumourRefutation>
{
    public void Configure(EntityTypeBuilder<RumourRefutation> builder)
    {
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(r => r.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.FalseClaim).HasMaxLength(ContentRules.MaxNoteLength).IsRequired();
        builder.Property(r => r.RefutingStatement).HasMaxLength(ContentRules.MaxNoteLength).IsRequired();
        builder.Property(r => r.PublishedWhere).HasMaxLength(ContentRules.MaxUrlLength).IsRequired();
        builder.Property(r => r.RecordedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => r.ReviewCaseId);
        builder.HasIndex(r => r.PublishedAtUtc);
    }
}
