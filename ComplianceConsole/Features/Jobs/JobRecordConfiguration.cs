using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Jobs;

internal sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(64).IsRequired();
        builder.Property(j => j.RequestedById).HasMaxLength(450);
        builder.Property(j => j.RequestedByName).HasMaxLength(256).IsRequired();
        builder.Property(j => j.RequestedFromIp).HasMaxLength(64);
        builder.Property(j => j.Phase).HasMaxLength(64);
        builder.Ignore(j => j.IsActive);
        // The Jobs page: my jobs newest first, everyone's newest first, each optionally by status or kind.
        builder.HasIndex(j => new { j.RequestedById, j.Id });
        builder.HasIndex(j => new { j.Status, j.Id });
        builder.HasIndex(j => new { j.Kind, j.Id });
        builder.HasIndex(j => j.FilesExpireAtUtc);
    }
}
