using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.PlatformUsers;

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        // Named here, not by a set on AppDbContext: the plumbing knows no feature's users (PlatformUserSet).
        builder.ToTable("PlatformUsers");
        builder.Property(u => u.ExternalId).HasMaxLength(PlatformInput.MaxExternalIdLength).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(PlatformInput.MaxDisplayNameLength);
        builder.HasIndex(u => u.ExternalId).IsUnique();
    }
}
