using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Audit;

internal sealed class PendingAuditEventConfiguration : IEntityTypeConfiguration<PendingAuditEvent>
{
    public void Configure(EntityTypeBuilder<PendingAuditEvent> builder)
    {
        builder.ToTable("AuditPendingEvents");
        builder.HasKey(e => e.EntryId);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.TargetType).HasMaxLength(64);
        builder.Property(e => e.TargetId).HasMaxLength(128);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Seal).HasMaxLength(64).IsRequired();
    }
}
