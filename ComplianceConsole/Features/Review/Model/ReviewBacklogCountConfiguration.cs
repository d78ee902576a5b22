using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ReviewBacklogCountConfiguration : IEntityTypeConfiguration<ReviewBacklogCount>
{
    public void Configure(EntityTypeBuilder<ReviewBacklogCount> builder)
    {
        builder.ToTable(ReviewBacklogCounts.Table);
        builder.HasKey(c => new { c.State, c.Source, c.Slot });
    }
}
