using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Registry;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Subject).HasMaxLength(RegistryRules.MaxNameLength).IsRequired();
        builder.Property(a => a.Findings).HasMaxLength(RegistryRules.MaxTextLength);
        builder.Property(a => a.Remediation).HasMaxLength(RegistryRules.MaxTextLength);
        builder.Property(a => a.Reviewer).HasMaxLength(RegistryRules.MaxNameLength);
        builder.Property(a => a.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Status, a.DueDate });
    }
}
