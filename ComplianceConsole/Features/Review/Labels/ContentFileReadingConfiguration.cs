using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Review.Labels;

internal sealed class ContentFileReadingConfiguration : IEntityTypeConfiguration<ContentFileReading>
{
    public void Configure(EntityTypeBuilder<ContentFileReading> builder)
    {
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(r => r.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.FileType).HasMaxLength(64);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.ProblemKey).HasMaxLength(64);
        builder.HasIndex(r => r.ContentItemId);
    }
}

internal sealed class PendingMediaReadConfiguration : IEntityTypeConfiguration<PendingMediaRead>
{
    public void Configure(EntityTypeBuilder<PendingMediaRead> builder)
    {
        builder.HasKey(p => p.ContentItemId);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(p => p.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.NotBeforeUtc);
    }
}

internal sealed class AllowedMediaHostConfiguration : IEntityTypeConfiguration<AllowedMediaHost>
{
    public void Configure(EntityTypeBuilder<AllowedMediaHost> builder)
    {
        builder.Property(h => h.Host).HasMaxLength(253).IsRequired();
        builder.Property(h => h.AddedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(h => h.Host).IsUnique();
    }
}
