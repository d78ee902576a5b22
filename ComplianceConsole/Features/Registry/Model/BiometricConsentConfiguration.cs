using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Registry;

internal sealed class BiometricConsentConfiguration : IEntityTypeConfiguration<BiometricConsent>
{
    public void Configure(EntityTypeBuilder<BiometricConsent> builder)
    {
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(c => c.PlatformUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ExternalId).HasMaxLength(RegistryRules.MaxExternalIdLength).IsRequired();
        builder.Property(c => c.DepictedPersonRef).HasMaxLength(RegistryRules.MaxExternalIdLength).IsRequired();
        builder.Property(c => c.Scope).HasMaxLength(RegistryRules.MaxScopeLength).IsRequired();
        builder.Property(c => c.RecordedByName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => new { c.PlatformUserId, c.DepictedPersonRef });
        builder.HasIndex(c => c.ValidUntilUtc);
    }
}
