using ComplianceConsole.Data;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// Webhook outbox events older than the rule's days with their deliveries, once no delivery of them is pending and every endpoint
/// has taken them. The newest event always stays: endpoints remember how far they got by its id.
/// </summary>
internal sealed class WebhookDeliveriesTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.WebhookDeliveries;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc) =>
        db.PlatformEventOutbox
            .Where(e => e.OccurredAtUtc <= cutoffUtc && e.Id < db.PlatformEventOutbox.Max(x => x.Id)
                && !db.WebhookEndpoints.Any(p => p.FannedOutThroughEventId < e.Id)
                && !db.WebhookDeliveries.Any(d => d.PlatformEventId == e.Id && d.State == WebhookDeliveryState.Pending))
            .Select(e => e.Id);

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        await db.WebhookDeliveries.Where(d => keys.Contains(d.PlatformEventId)).ExecuteDeleteAsync(cancellationToken);
        await db.PlatformEventOutbox.Where(e => keys.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
