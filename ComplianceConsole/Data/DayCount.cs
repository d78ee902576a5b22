using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Data;

/// <summary>
/// How many records of a <see cref="Kind"/> are in a state (<see cref="Key"/>) and fall on a China Standard Time <see cref="Day"/>, kept
/// by the writes that change them (<see cref="DayCountChanges"/>) so the dashboard reads a few rows instead of counting millions.
/// </summary>
public sealed class DayCount
{
    public string Kind { get; set; } = "";

    public string Key { get; set; } = "";

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}

internal sealed class DayCountConfiguration : IEntityTypeConfiguration<DayCount>
{
    public void Configure(EntityTypeBuilder<DayCount> entity)
    {
        entity.ToTable("DayCounts");
        entity.HasKey(c => new { c.Kind, c.Key, c.Day });
        entity.Property(c => c.Kind).HasMaxLength(64);
        entity.Property(c => c.Key).HasMaxLength(64);
    }
}
