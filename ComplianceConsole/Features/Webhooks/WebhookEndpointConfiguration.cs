using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(WebhookRules.MaxNameLength).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookRules.MaxUrlLength).IsRequired();
        builder.Property(e => e.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.DisabledByName).HasMaxLength(256);
        builder.Property(e => e.LastError).HasMaxLength(WebhookRules.MaxErrorLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
