using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Exports;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(64);
        builder.Property(e => e.FiltersJson).HasMaxLength(4_000).IsRequired();
        builder.Property(e => e.UnmaskReason).HasMaxLength(500);
        builder.Property(e => e.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.RequestedByName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.FileSha256).HasMaxLength(64);
        builder.Property(e => e.DataDigest).HasMaxLength(64);
        builder.Property(e => e.CoverSignature).HasMaxLength(200);
        builder.Property(e => e.SigningKeyFingerprint).HasMaxLength(64);
        // History newest first, mine or everyone's; verify finds a file by its hash; housekeeping finds expired files.
        builder.HasIndex(e => new { e.RequestedById, e.Id });
        builder.HasIndex(e => e.FileSha256);
        builder.HasIndex(e => e.ExpiresAtUtc);
        builder.HasIndex(e => e.JobRecordId);
    }
}
