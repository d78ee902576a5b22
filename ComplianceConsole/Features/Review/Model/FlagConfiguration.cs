using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review;

internal static class FlagIndexes
{
    public const string OpenByDue = "IX_Flags_Open_DueAtUtc";
}

internal sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.HasOne<ReviewCase>().WithMany().HasForeignKey(f => f.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(f => f.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeatureRule>().WithMany().HasForeignKey(f => f.FeatureRuleId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to HashBanks: SQLite adds one only by rebuilding the table, and a bank is disabled, never deleted.
        builder.Property(f => f.ReasonCode).HasMaxLength(64);
        builder.Property(f => f.ReasonText).HasMaxLength(ContentRules.MaxReasonLength);
        builder.Property(f => f.MatchedText).HasMaxLength(ContentRules.MaxMatchedTextLength);
        builder.Property(f => f.ExternalId).HasMaxLength(ContentRules.MaxExternalIdLength);
        builder.Property(f => f.RaisedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(f => f.ReviewCaseId);
        builder.HasIndex(f => f.ContentItemId);
        builder.HasIndex(f => f.ExternalId).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        // The complaints register reads flags by source and time; time-limit compliance counts met and missed from this index alone.
        builder.HasIndex(f => new { f.Source, f.ReceivedAtUtc, f.DueAtUtc, f.HandledAtUtc });
        // The dashboard's flags still within their time limit: unhandled and not yet due, a few days' intake at most.
        builder.HasIndex(f => new { f.DueAtUtc, f.Source, f.ReceivedAtUtc }, FlagIndexes.OpenByDue).HasFilter("\"HandledAtUtc\" IS NULL");
    }
}
