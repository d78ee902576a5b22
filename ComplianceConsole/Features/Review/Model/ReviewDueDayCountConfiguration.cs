using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class ReviewDueDayCountConfiguration : IEntityTypeConfiguration<ReviewDueDayCount>
{
    public void Configure(EntityTypeBuilder<ReviewDueDayCount> builder)
    {
        builder.ToTable(ReviewBacklogCounts.DueDayTable);
        builder.HasKey(c => new { c.DueDay, c.Slot });
    }
}
