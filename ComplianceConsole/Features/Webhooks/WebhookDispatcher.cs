using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// Turns the outbox into deliveries and delivers what is due, at least once and in order per ordering key: a delivery is
/// sent only when no earlier delivery of its key to the same endpoint is still pending. Every step is in the database
/// first (an attempt is leased before it is sent), so a restart mid-delivery loses nothing and sends the same event again.
/// An endpoint that fails is retried on its own backoff schedule, one delivery at a time, and disabled after
/// <see cref="WebhookOptions.DisableAfterFailures"/> failures in a row.
/// </summary>
public sealed class WebhookDispatcher(IDbContextFactory<AppDbContext> contextFactory, WebhookSender sender, PiiProtector protector,
    AuditTrail audit, IOptionsMonitor<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    private const int FanOutBatch = 500;
    private const int SendBatch = 50;
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(30);

    private sealed record Target(long Id, string Url, byte[] EncryptedSecret);

    private sealed record Due(long Id, int FailuresInRow, Guid EventId, string Type, DateTime OccurredAtUtc, string Payload);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await FanOutAsync(cancellationToken);
        // A delivered event frees the next one of its key: keep going while that happens, then give the job host its thread back.
        var until = clock.GetUtcNow() + MaxRunTime;
        while (await SendDueAsync(cancellationToken) > 0 && clock.GetUtcNow() < until) { }
    }

    /// <summary>New outbox events become deliveries for every endpoint subscribed to their type, enabled or not (so a disabled endpoint misses nothing).</summary>
    private async Task FanOutAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Select(e => new { e.Id, e.EventTypes, e.FannedOutThroughEventId }).ToListAsync(cancellationToken);
        foreach (var endpoint in endpoints)
        {
            var cursor = endpoint.FannedOutThroughEventId;
            while (true)
            {
                var events = await db.PlatformEventOutbox.AsNoTracking().Where(e => e.Id > cursor).OrderBy(e => e.Id).Take(FanOutBatch)
                    .Select(e => new { e.Id, e.Type, e.OrderingKey, e.EndpointId }).ToListAsync(cancellationToken);
                if (events.Count == 0) break;
                var now = clock.GetUtcNow().UtcDateTime;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.WebhookDeliveries.AddRange(events
                    .Where(e => e.EndpointId is { } only ? only == endpoint.Id : endpoint.EventTypes.Contains(e.Type))
                    .Select(e => new WebhookDelivery { EndpointId = endpoint.Id, PlatformEventId = e.Id, OrderingKey = e.OrderingKey, NextAttemptAtUtc = now, CreatedAtUtc = now }));
                await db.SaveChangesAsync(cancellationToken);
                cursor = events[^1].Id;
                await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.FannedOutThroughEventId, cursor), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Target> targets;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            targets = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled && (e.RetryAtUtc == null || e.RetryAtUtc <= now))
                .Select(e => new Target(e.Id, e.Url, e.EncryptedSecret)).ToListAsync(cancellationToken);
        }
        var delivered = 0;
        await Parallel.ForEachAsync(targets, cancellationToken, async (target, token) => Interlocked.Add(ref delivered, await SendDueToAsync(target, now, token)));
        return delivered;
    }

    // One endpoint's due deliveries, one after another, stopping at the first failure: the endpoint's backoff decides when it is tried again.
    private async Task<int> SendDueToAsync(Target target, DateTime now, CancellationToken cancellationToken)
    {
        List<Due> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.EndpointId == target.Id && d.State == WebhookDeliveryState.Pending && d.NextAttemptAtUtc <= now)
                .Where(d => !db.WebhookDeliveries.Any(earlier => earlier.EndpointId == d.EndpointId && earlier.OrderingKey == d.OrderingKey
                    && earlier.State == WebhookDeliveryState.Pending && earlier.PlatformEventId < d.PlatformEventId))
                .OrderBy(d => d.PlatformEventId).Take(SendBatch)
                .Select(d => new Due(d.Id, d.FailuresInRow, d.Event.EventId, d.Event.Type, d.Event.OccurredAtUtc, d.Event.Payload))
                .ToListAsync(cancellationToken);
        }
        if (due.Count == 0) return 0;
        var secret = protector.Decrypt(target.EncryptedSecret);
        var delivered = 0;
        foreach (var delivery in due)
        {
            if (!await LeaseAsync(delivery, cancellationToken)) continue;
            var body = WebhookSender.Body(delivery.EventId, delivery.Type, delivery.OccurredAtUtc, delivery.Payload);
            var result = await sender.SendAsync(target.Url, secret, delivery.EventId, delivery.Type, body, cancellationToken);
            // Recorded even while the app stops: the answer is in.
            await RecordAsync(target.Id, delivery.Id, result);
            if (!result.Succeeded) break;
            delivered++;
        }
        return delivered;
    }

    // Before the request leaves: the attempt is counted and the next one is set for after the timeout, so if the app stops
    // mid-request the delivery is simply tried again. A delivery changed meanwhile (redelivered by hand) is left to the next pass.
    private async Task<bool> LeaseAsync(Due delivery, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var retryAt = now + TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds) + settings.Backoff(delivery.FailuresInRow + 1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.State == WebhookDeliveryState.Pending && d.FailuresInRow == delivery.FailuresInRow && d.NextAttemptAtUtc <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastAttemptAtUtc, now)
                .SetProperty(d => d.NextAttemptAtUtc, retryAt), cancellationToken) == 1;
    }

    private async Task RecordAsync(long endpointId, long deliveryId, WebhookAttemptResult result)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        if (result.Succeeded)
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.WebhookDeliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(u => u.SetProperty(d => d.State, WebhookDeliveryState.Delivered)
                .SetProperty(d => d.DeliveredAtUtc, now).SetProperty(d => d.NextAttemptAtUtc, (DateTime?)null).SetProperty(d => d.FailuresInRow, 0)
                .SetProperty(d => d.LastStatusCode, result.StatusCode).SetProperty(d => d.LastError, (string?)null));
            await db.WebhookEndpoints.Where(e => e.Id == endpointId && (e.ConsecutiveFailures > 0 || e.RetryAtUtc != null))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.ConsecutiveFailures, 0).SetProperty(e => e.RetryAtUtc, (DateTime?)null));
            await transaction.CommitAsync();
            return;
        }

        await using (var db = await contextFactory.CreateDbContextAsync())
        {
            // An audited transaction: a failure may disable the endpoint, which is audited in it.
            await using var appender = await audit.BeginAsync(db);
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId);
            var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == endpointId);
            delivery.LastStatusCode = result.StatusCode;
            delivery.LastError = result.Error;
            delivery.FailuresInRow++;
            endpoint.ConsecutiveFailures++;
            endpoint.LastError = result.Error;
            endpoint.RetryAtUtc = now + settings.Backoff(endpoint.ConsecutiveFailures);
            var disable = endpoint.Enabled && endpoint.ConsecutiveFailures >= settings.DisableAfterFailures;
            // A disabled endpoint keeps its deliveries pending, to be sent once it is enabled again.
            var givenUp = delivery.FailuresInRow >= settings.MaxAttempts && !disable;
            delivery.State = givenUp ? WebhookDeliveryState.GivenUp : WebhookDeliveryState.Pending;
            delivery.NextAttemptAtUtc = givenUp ? null : now + settings.Backoff(delivery.FailuresInRow);
            if (disable)
            {
                endpoint.Enabled = false;
                endpoint.DisabledReason = WebhookDisabledReason.RepeatedFailures;
                endpoint.DisabledAtUtc = now;
                endpoint.DisabledByName = AuditActor.System.Name;
                endpoint.Version++;
                logger.LogWarning("Webhook endpoint {Endpoint} disabled after {Failures} failed attempts in a row: {Error}", endpoint.Name, endpoint.ConsecutiveFailures, result.Error);
                await appender.SaveWithAuditAsync(db, AuditActor.System, AuditActions.WebhookDisabled, nameof(WebhookEndpoint), endpoint.Id.ToString(),
                    new { endpoint.Name, reason = endpoint.DisabledReason, failures = endpoint.ConsecutiveFailures, lastError = result.Error });
            }
            else
            {
                await db.SaveChangesAsync();
            }
            await appender.CommitAsync();
        }
    }
}
