using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class SourceTimeLimitConfiguration : IEntityTypeConfiguration<SourceTimeLimit>
{
    public void Configure(EntityTypeBuilder<SourceTimeLimit> builder)
    {
        builder.HasKey(l => l.Source);
        builder.Property(l => l.Source).ValueGeneratedNever();
        builder.Property(l => l.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
