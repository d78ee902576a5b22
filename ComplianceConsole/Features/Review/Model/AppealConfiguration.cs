using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(a => a.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(a => a.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sanction>().WithMany().HasForeignKey(a => a.SanctionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(a => a.PlatformUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Flag>().WithMany().HasForeignKey(a => a.FlagId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.PlatformAppealId).HasMaxLength(ContentRules.MaxExternalIdLength).IsRequired();
        builder.Property(a => a.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Statement).HasMaxLength(ContentRules.MaxReasonLength).IsRequired();
        builder.Property(a => a.ReceivedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.ReasonCode).HasMaxLength(64);
        builder.Property(a => a.Note).HasMaxLength(ContentRules.MaxNoteLength);
        builder.Property(a => a.DecidedById).HasMaxLength(450);
        builder.Property(a => a.DecidedByName).HasMaxLength(256);
        builder.HasIndex(a => a.PlatformAppealId).IsUnique();
        // One appeal per decision: a second one is refused, pointing at the first.
        builder.HasIndex(a => a.DecisionId).IsUnique();
        builder.HasIndex(a => new { a.ReviewCaseId, a.State });
        builder.HasIndex(a => a.SanctionId);
        builder.HasIndex(a => a.PlatformUserId);
        // The statistics count appeals received and decided in a period.
        builder.HasIndex(a => a.ReceivedAtUtc);
        builder.HasIndex(a => a.DecidedAtUtc);
    }
}
