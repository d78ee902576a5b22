using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Audit;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Signature).HasMaxLength(128).IsRequired();
        builder.Property(c => c.KeyId).HasMaxLength(64);
        builder.HasIndex(c => c.Sequence);
    }
}
