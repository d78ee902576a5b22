using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Data;

internal sealed class RunningInstanceConfiguration : IEntityTypeConfiguration<RunningInstance>
{
    public void Configure(EntityTypeBuilder<RunningInstance> entity)
    {
        entity.ToTable("RunningInstances");
        entity.Property(i => i.Id).ValueGeneratedNever();
        entity.Property(i => i.MachineName).HasMaxLength(256);
    }
}
