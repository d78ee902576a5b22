using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Registry;

internal sealed class FunctionLaunchConfiguration : IEntityTypeConfiguration<FunctionLaunch>
{
    public void Configure(EntityTypeBuilder<FunctionLaunch> builder)
    {
        builder.HasOne<Assessment>().WithMany().HasForeignKey(l => l.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Name).HasMaxLength(RegistryRules.MaxNameLength).IsRequired();
        builder.Property(l => l.Description).HasMaxLength(RegistryRules.MaxTextLength);
        builder.Property(l => l.RecordedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(l => l.LaunchDate);
    }
}
