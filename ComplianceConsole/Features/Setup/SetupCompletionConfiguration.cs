using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Setup;

internal sealed class SetupCompletionConfiguration : IEntityTypeConfiguration<SetupCompletion>
{
    public void Configure(EntityTypeBuilder<SetupCompletion> entity)
    {
        entity.ToTable("SetupCompletions");
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.Property(c => c.AdministratorId).HasMaxLength(450);
    }
}
