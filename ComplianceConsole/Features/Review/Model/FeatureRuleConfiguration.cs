using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class FeatureRuleConfiguration : IEntityTypeConfiguration<FeatureRule>
{
    public void Configure(EntityTypeBuilder<FeatureRule> builder)
    {
        builder.Property(r => r.Value).HasMaxLength(ContentRules.MaxRuleValueLength).IsRequired();
        builder.Property(r => r.ReasonCode).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(ContentRules.MaxNoteLength);
        builder.Property(r => r.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Kind, r.Value }).IsUnique();
        // The library's change mark: the newest edit (FeatureLibrary reloads when it moves).
        builder.HasIndex(r => r.UpdatedAtUtc);
    }
}
