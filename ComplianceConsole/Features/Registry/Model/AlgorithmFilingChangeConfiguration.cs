using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Registry;

internal sealed class AlgorithmFilingChangeConfiguration : IEntityTypeConfiguration<AlgorithmFilingChange>
{
    public void Configure(EntityTypeBuilder<AlgorithmFilingChange> builder)
    {
        builder.HasOne<AlgorithmFiling>().WithMany().HasForeignKey(c => c.AlgorithmFilingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.ByName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.FilingNumber).HasMaxLength(FilingNumbers.Length).IsRequired();
        builder.Property(c => c.AlgorithmName).HasMaxLength(RegistryRules.MaxNameLength).IsRequired();
        builder.Property(c => c.DisplayedAt).HasMaxLength(RegistryRules.MaxNameLength).IsRequired();
        builder.HasIndex(c => new { c.AlgorithmFilingId, c.AtUtc });
    }
}
