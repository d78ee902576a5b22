using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Registry;

internal sealed class AlgorithmFilingConfiguration : IEntityTypeConfiguration<AlgorithmFiling>
{
    public void Configure(EntityTypeBuilder<AlgorithmFiling> builder)
    {
        builder.Property(f => f.FilingNumber).HasMaxLength(FilingNumbers.Length).IsRequired();
        builder.Property(f => f.AlgorithmName).HasMaxLength(RegistryRules.MaxNameLength).IsRequired();
        builder.Property(f => f.DisplayedAt).HasMaxLength(RegistryRules.MaxNameLength).IsRequired();
        builder.Property(f => f.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.FilingNumber).IsUnique();
    }
}
