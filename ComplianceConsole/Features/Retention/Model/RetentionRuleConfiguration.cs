using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Retention;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.HasKey(r => r.Kind);
        builder.Property(r => r.Kind).ValueGeneratedNever();
        builder.Property(r => r.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
