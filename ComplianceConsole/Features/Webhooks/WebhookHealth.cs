using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// Endpoints disabled after repeated failure, newest first. It names no secret and no payload, so any page may show it
/// under its own permission (the webhooks page, the Manager's dashboard).
/// </summary>
public sealed class WebhookHealth(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<IReadOnlyList<WebhookHealthNotice>> DisabledEndpointsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookEndpoints.AsNoTracking()
            .Where(e => !e.Enabled && e.DisabledReason == WebhookDisabledReason.RepeatedFailures)
            .OrderByDescending(e => e.DisabledAtUtc)
            .Select(e => new WebhookHealthNotice(e.Id, e.Name, e.DisabledAtUtc!.Value, e.ConsecutiveFailures, e.LastError))
            .ToListAsync(cancellationToken);
    }
}
