using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Retention;

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.Property(h => h.TargetLabel).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Reason).HasMaxLength(LegalHoldService.MaxReasonLength).IsRequired();
        builder.Property(h => h.PlacedByName).HasMaxLength(256).IsRequired();
        builder.Property(h => h.LiftedByName).HasMaxLength(256);
        builder.Property(h => h.LiftReason).HasMaxLength(LegalHoldService.MaxReasonLength);
        builder.Property(h => h.Version).IsConcurrencyToken();
        // The purge asks "is this user or case held?" for every row it selects.
        builder.HasIndex(h => new { h.Target, h.TargetId, h.LiftedAtUtc });
    }
}
