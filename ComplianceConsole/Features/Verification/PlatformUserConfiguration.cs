using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Verification;

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        builder.Property(u => u.ExternalId).HasMaxLength(VerificationRules.MaxExternalIdLength).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(VerificationRules.MaxDisplayNameLength);
        builder.HasIndex(u => u.ExternalId).IsUnique();
    }
}
