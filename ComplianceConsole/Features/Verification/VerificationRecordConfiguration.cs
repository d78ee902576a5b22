using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Verification;

internal sealed class VerificationRecordConfiguration : IEntityTypeConfiguration<VerificationRecord>
{
    public void Configure(EntityTypeBuilder<VerificationRecord> builder)
    {
        builder.HasOne(r => r.PlatformUser).WithMany().HasForeignKey(r => r.PlatformUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.IdentifierHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.ReasonCode).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(VerificationRules.MaxNoteLength);
        builder.Property(r => r.SubmissionKey).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        // Also the user's index: a user's few records are read through it (eligibility, the record page), their status from the row.
        builder.HasIndex(r => new { r.PlatformUserId, r.SubmissionKey }).IsUnique();
        builder.HasIndex(r => r.IdentifierHashKey);
        // The grid's seeks: one index per leading filter and time axis (VerificationGridIndexes).
        foreach (var index in VerificationGridIndexes.All)
        {
            builder.HasIndex(index.Columns).HasDatabaseName(index.Name).HasFilter(index.Filter);
        }
        builder.HasMany(r => r.History).WithOne().HasForeignKey(h => h.VerificationRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
