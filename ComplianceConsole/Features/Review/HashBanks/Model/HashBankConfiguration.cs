using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review.HashBanks;

internal sealed class HashBankConfiguration : IEntityTypeConfiguration<HashBank>
{
    public void Configure(EntityTypeBuilder<HashBank> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(HashBankRules.MaxNameLength).IsRequired();
        builder.Property(b => b.ReasonCode).HasMaxLength(64);
        builder.Property(b => b.Note).HasMaxLength(HashBankRules.MaxNoteLength);
        builder.Property(b => b.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(b => b.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.Name).IsUnique();
    }
}

internal sealed class HashBankEntryConfiguration : IEntityTypeConfiguration<HashBankEntry>
{
    public void Configure(EntityTypeBuilder<HashBankEntry> builder)
    {
        builder.HasOne<HashBank>().WithMany().HasForeignKey(e => e.HashBankId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Hash).HasMaxLength(PdqHash.HexLength).IsFixedLength().IsRequired();
        builder.Property(e => e.Note).HasMaxLength(HashBankRules.MaxNoteLength);
        builder.Property(e => e.AddedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => new { e.HashBankId, e.Hash }).IsUnique();
        builder.HasIndex(e => e.ReviewCaseId);
    }
}
