using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

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
