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

internal sealed class RegulatorReportConfiguration : IEntityTypeConfiguration<RegulatorReport>
{
    public void Configure(EntityTypeBuilder<RegulatorReport> builder)
    {
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(r => r.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Authority).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Reference).HasMaxLength(200).IsRequired();
        builder.Property(r => r.RecordedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => r.ReviewCaseId);
        builder.HasIndex(r => r.ReportedAtUtc);
    }
}

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
