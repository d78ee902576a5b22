using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> builder)
    {
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.PlatformUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(s => s.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.ReasonCode).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(ContentRules.MaxNoteLength);
        builder.Property(s => s.ImposedById).HasMaxLength(450);
        builder.Property(s => s.ImposedByName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.LiftedByName).HasMaxLength(256);
        builder.Property(s => s.LiftReason).HasMaxLength(ContentRules.MaxNoteLength);
        builder.HasIndex(s => new { s.PlatformUserId, s.StartsAtUtc });
        builder.HasIndex(s => s.ImposedAtUtc);
    }
}
