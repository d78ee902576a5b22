using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Exports;

internal sealed class ExportScheduleConfiguration : IEntityTypeConfiguration<ExportSchedule>
{
    public void Configure(EntityTypeBuilder<ExportSchedule> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(64);
        builder.Property(s => s.Period).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.FiltersJson).HasMaxLength(4_000).IsRequired();
        builder.Property(s => s.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.OwnerName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.Enabled, s.NextRunAtUtc });
    }
}
