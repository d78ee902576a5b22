using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(d => d.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.FollowsDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.ReasonCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Note).HasMaxLength(ContentRules.MaxNoteLength);
        builder.Property(d => d.DecidedById).HasMaxLength(450);
        builder.Property(d => d.DecidedByName).HasMaxLength(256).IsRequired();
        foreach (var field in new[] { nameof(Decision.ContentProducer), nameof(Decision.ProduceId), nameof(Decision.ContentPropagator),
                     nameof(Decision.PropagateId), nameof(Decision.ReservedCode1), nameof(Decision.ReservedCode2) })
        {
            builder.Property(field).HasMaxLength(ContentRules.MaxLabelFieldLength);
        }
        builder.HasIndex(d => new { d.ReviewCaseId, d.Id });
        builder.HasIndex(d => d.FollowsDecisionId);
        // Decisions by day and outcome are counted from this index alone.
        builder.HasIndex(d => new { d.DecidedAtUtc, d.Outcome });
        // The list of decisions: one seek for each combination of its filters (ReviewFindIndexes).
        foreach (var index in ReviewFindIndexes.All) builder.HasIndex(index.Columns, index.Name).HasFilter(index.Filter);
    }
}
