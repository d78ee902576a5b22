using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Webhooks;

internal sealed class PlatformEventConfiguration : IEntityTypeConfiguration<PlatformEvent>
{
    public void Configure(EntityTypeBuilder<PlatformEvent> builder)
    {
        builder.Property(e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(e => e.OrderingKey).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(e => e.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
