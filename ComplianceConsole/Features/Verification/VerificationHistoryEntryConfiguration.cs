using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Verification;

internal sealed class VerificationHistoryEntryConfiguration : IEntityTypeConfiguration<VerificationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<VerificationHistoryEntry> builder)
    {
        builder.Property(h => h.Actor).HasMaxLength(256).IsRequired();
        builder.Property(h => h.ReasonCode).HasMaxLength(64);
        builder.Property(h => h.Note).HasMaxLength(VerificationRules.MaxNoteLength);
        builder.HasIndex(h => new { h.VerificationRecordId, h.AtUtc });
    }
}
