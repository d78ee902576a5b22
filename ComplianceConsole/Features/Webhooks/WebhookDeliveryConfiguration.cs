using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.PlatformEventId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.OrderingKey).HasMaxLength(200).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookRules.MaxErrorLength);
        builder.HasIndex(d => new { d.EndpointId, d.PlatformEventId }).IsUnique();
        // The dispatcher's two questions: what is due for an endpoint, and is an earlier event of the same key still pending.
        builder.HasIndex(d => new { d.EndpointId, d.State, d.NextAttemptAtUtc });
        builder.HasIndex(d => new { d.EndpointId, d.OrderingKey, d.State, d.PlatformEventId });
    }
}
