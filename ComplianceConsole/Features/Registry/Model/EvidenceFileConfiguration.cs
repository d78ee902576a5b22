using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Registry;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(RegistryRules.MaxFileNameLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(f => f.UploadedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(f => new { f.Owner, f.OwnerId });
    }
}
