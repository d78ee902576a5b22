using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// Administrators' webhook endpoints: add and edit, rotate the secret (shown once), enable and disable, send a test
/// event, read the delivery log and redeliver. Every change is audited in its own transaction.
/// </summary>
public sealed class WebhookService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector protector,
    IOptionsMonitor<WebhookOptions> options, TimeProvider clock)
{
    public const int DeliveryPageSize = 25;

    public async Task<IReadOnlyList<WebhookEndpointRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(WebhookPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.WebhookEndpoints.OrderBy(e => e.Name)).ToListAsync(cancellationToken);
    }

    public async Task<WebhookEndpointRow?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(WebhookPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.WebhookEndpoints.Where(e => e.Id == id)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<Result<WebhookSecret>> CreateAsync(WebhookEndpointForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(WebhookPermissions.Manage);
        if (WebhookRules.Check(form, options.CurrentValue.AllowPrivateAddresses) is { Count: > 0 } errors) return Result.Invalid(errors);
        var secret = WebhookSignature.NewSecret();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var endpoint = new WebhookEndpoint
        {
            Name = form.Name!.Trim(), Url = form.Url!.Trim(), EventTypes = [.. form.EventTypes.Order()], EncryptedSecret = protector.Encrypt(secret),
            CreatedByName = actor.ShownName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            // Events from now on: the platform was not listening to earlier ones.
            FannedOutThroughEventId = await db.PlatformEventOutbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.WebhookCreated, nameof(WebhookEndpoint), endpoint.Id.ToString(),
            new { endpoint.Name, endpoint.Url, events = endpoint.EventTypes }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        return Result<WebhookSecret>.Ok(new WebhookSecret(endpoint.Id, secret));
    }

    public async Task<Result> UpdateAsync(long id, int expectedVersion, WebhookEndpointForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(WebhookPermissions.Manage);
        if (WebhookRules.Check(form, options.CurrentValue.AllowPrivateAddresses) is { Count: > 0 } errors) return Result.Invalid(errors);
        return await ChangeAsync(id, expectedVersion, actor, AuditActions.WebhookUpdated, endpoint =>
        {
            var before = new { endpoint.Name, endpoint.Url, events = endpoint.EventTypes };
            endpoint.Name = form.Name!.Trim();
            endpoint.Url = form.Url!.Trim();
            endpoint.EventTypes = [.. form.EventTypes.Order()];
            return new { before, after = new { endpoint.Name, endpoint.Url, events = endpoint.EventTypes } };
        }, cancellationToken);
    }

    /// <summary>A new secret at once (deliveries from now on are signed with it); shown this once.</summary>
    public async Task<Result<WebhookSecret>> RotateSecretAsync(long id, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(WebhookPermissions.Manage);
        var secret = WebhookSignature.NewSecret();
        var result = await ChangeAsync(id, expectedVersion, actor, AuditActions.WebhookSecretRotated, endpoint =>
        {
            endpoint.EncryptedSecret = protector.Encrypt(secret);
            return new { endpoint.Name };
        }, cancellationToken);
        return result.Succeeded ? Result<WebhookSecret>.Ok(new WebhookSecret(id, secret)) : result;
    }

    /// <summary>Enabling sends what waited meanwhile, in order, at once; disabling keeps new events waiting for it.</summary>
    public async Task<Result> SetEnabledAsync(long id, int expectedVersion, bool enabled, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(WebhookPermissions.Manage);
        var now = clock.GetUtcNow().UtcDateTime;
        return await ChangeAsync(id, expectedVersion, actor, enabled ? AuditActions.WebhookEnabled : AuditActions.WebhookDisabled, endpoint =>
        {
            if (endpoint.Enabled == enabled) return null;
            endpoint.Enabled = enabled;
            endpoint.DisabledReason = enabled ? null : WebhookDisabledReason.ByAdministrator;
            endpoint.DisabledAtUtc = enabled ? null : now;
            endpoint.DisabledByName = enabled ? null : actor.Name;
            endpoint.ConsecutiveFailures = 0;
            endpoint.RetryAtUtc = null;
            return new { endpoint.Name, reason = endpoint.DisabledReason };
        }, cancellationToken, after: async db =>
        {
            if (enabled) await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.State == WebhookDeliveryState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAtUtc, now), cancellationToken);
        });
    }

    /// <summary>A <c>webhook.test</c> event for this endpoint alone, delivered like any other and shown in its log.</summary>
    public async Task<Result> SendTestAsync(long id, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(WebhookPermissions.Manage);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Name, e.Enabled }).SingleOrDefaultAsync(cancellationToken);
        if (endpoint is null) return Result.Refused("Webhooks.NotFound");
        if (!endpoint.Enabled) return Result.Refused("Webhooks.Test.Disabled");
        var evt = PlatformEvents.Add(db, PlatformEventTypes.Test, null, new { endpointId = id, sentBy = actor.ShownName, sentAt = now }, now, endpointId: id);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.WebhookTestSent, nameof(WebhookEndpoint), id.ToString(),
            new { endpoint.Name, eventId = evt.EventId }, cancellationToken);
        return Result.Ok;
    }

    public async Task<KeysetPage<WebhookDeliveryRow>> DeliveriesAsync(long endpointId, PageAnchor anchor, long? cursor,
        CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(WebhookPermissions.Manage);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var page = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).Seek(d => d.Id, descending: true, anchor, cursor)
            .Select(d => new WebhookDeliveryRow(d.Id, d.Event.EventId, d.Event.Type, d.Event.OccurredAtUtc, d.OrderingKey, d.State, d.Attempts, d.LastStatusCode,
                d.LastError, d.LastAttemptAtUtc, d.NextAttemptAtUtc, d.DeliveredAtUtc))
            .ReadPageAsync(DeliveryPageSize, anchor, cancellationToken);
        // A next try already past is no time to show: the delivery is queued (behind an earlier event of its key, or the next pass).
        return page.Select(r => r.NextAttemptAtUtc <= now ? r with { NextAttemptAtUtc = null } : r);
    }

    /// <summary>Sends a delivery again, with the same event id, whatever became of it; later events of its key wait for it again.</summary>
    public async Task<Result> RedeliverAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(WebhookPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null) return Result.Refused("Webhooks.Delivery.NotFound");
        delivery.State = WebhookDeliveryState.Pending;
        delivery.FailuresInRow = 0;
        delivery.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        await audit.SaveWithAuditAsync(db, actor, AuditActions.WebhookRedelivered, nameof(WebhookDelivery), deliveryId.ToString(),
            new { endpoint = delivery.EndpointId, eventId = delivery.Event.EventId, delivery.Event.Type }, cancellationToken);
        return Result.Ok;
    }

    private static IQueryable<WebhookEndpointRow> Rows(AppDbContext db, IQueryable<WebhookEndpoint> endpoints) => endpoints.AsNoTracking().Select(e => new WebhookEndpointRow(
        e.Id, e.Name, e.Url, e.EventTypes, e.Enabled, e.DisabledReason, e.DisabledAtUtc, e.DisabledByName, e.ConsecutiveFailures, e.LastError,
        e.RetryAtUtc, e.CreatedByName, e.CreatedAtUtc,
        db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.State == WebhookDeliveryState.Pending), e.Version));

    // One endpoint change: found, unchanged since the page read it, changed (null when there is nothing to change), audited.
    private async Task<Result> ChangeAsync(long id, int expectedVersion, AuditActor actor, string action, Func<WebhookEndpoint, object?> change,
        CancellationToken cancellationToken, Func<AppDbContext, Task>? after = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null) return Result.Refused("Webhooks.NotFound");
        if (endpoint.Version != expectedVersion) return Result.Conflict;
        if (change(endpoint) is not { } details) return Result.Ok;
        endpoint.Version++;
        if (after is not null) await after(db);
        await appender.SaveWithAuditAsync(db, actor, action, nameof(WebhookEndpoint), id.ToString(), details, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        return Result.Ok;
    }
}
