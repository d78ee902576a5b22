using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class DecisionFlagConfiguration : IEntityTypeConfiguration<DecisionFlag>
{
    public void Configure(EntityTypeBuilder<DecisionFlag> builder)
    {
        builder.HasOne<Decision>().WithMany().HasForeignKey(f => f.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Flag>().WithMany().HasForeignKey(f => f.FlagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.DecisionId, f.Source });
        // The complaints register finds the decisions that answered a complaint.
        builder.HasIndex(f => f.FlagId);
    }
}
