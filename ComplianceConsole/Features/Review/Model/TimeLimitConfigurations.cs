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

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(100).IsRequired();
        builder.Property(d => d.UpdatedByName).HasMaxLength(256).IsRequired();
    }
}
