using System.Text.Json;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Webhooks;

/// <summary>Deliveries to a receiver on 127.0.0.1: signed, retried with backoff, in order per key, kept across a restart, and an endpoint that keeps failing is disabled.</summary>
public sealed class WebhookDeliveryTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    [Fact]
    public async Task A_test_event_arrives_signed_with_its_id_in_header_and_body_and_shows_as_delivered_in_the_log()
    {
        using var receiver = new WebhookReceiver();
        var endpointId = await app.AddEndpointAsync(receiver, PlatformEventTypes.VerificationDecided);
        await using (var admin = app.App.As(TestApp.AdminEmail))
        {
            Assert.True((await admin.Get<WebhookService>().SendTestAsync(endpointId)).Succeeded);
        }

        var received = Assert.Single(await receiver.WaitForAsync(r => r.Count >= 1));
        Assert.True(received.SignatureValid);
        Assert.Equal(PlatformEventTypes.Test, received.Type);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(received.EventId, body.GetProperty("id").GetGuid());
        Assert.Equal(PlatformEventTypes.Test, body.GetProperty("type").GetString());
        Assert.True(body.GetProperty("occurredAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(endpointId, body.GetProperty("data").GetProperty("endpointId").GetInt64());

        var delivery = Assert.Single(await app.WaitForAsync(() => app.DeliveriesAsync(endpointId), d => d.Any(x => x.State == WebhookDeliveryState.Delivered)));
        Assert.Equal((received.EventId, 1, 200), (delivery.EventId, delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_same_event_again_after_growing_waits_until_it_answers_200()
    {
        using var receiver = new WebhookReceiver { Answer = (n, _) => n <= 3 ? 500 : 200 };
        var endpointId = await app.AddEndpointAsync(receiver, PlatformEventTypes.DecisionMade);
        var eventId = (await app.PublishAsync((PlatformEventTypes.DecisionMade, "c-retry"))).Single();

        var received = await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200));
        Assert.Equal([500, 500, 500, 200], received.Select(r => r.AnsweredWith));
        Assert.All(received, r => Assert.Equal(eventId, r.EventId));
        Assert.All(received, r => Assert.True(r.SignatureValid));
        var waits = received.Zip(received.Skip(1), (a, b) => (b.ReceivedAtUtc - a.ReceivedAtUtc).TotalSeconds).ToList();
        // Backoff from 0.3 s doubling (±20 %): at least 0.24, 0.48 and 0.96 s. Only the least wait grows for certain: a loaded
        // machine may deliver any attempt later than its time.
        Assert.True(waits[0] >= 0.24 && waits[1] >= 0.48 && waits[2] >= 0.96, string.Join(", ", waits));

        var delivery = Assert.Single(await app.WaitForAsync(() => app.DeliveriesAsync(endpointId), d => d is [{ State: WebhookDeliveryState.Delivered }]));
        Assert.Equal((4, 200), (delivery.Attempts, delivery.LastStatusCode));
        Assert.Equal(0, (await app.EndpointAsync(endpointId)).ConsecutiveFailures);
    }

    [Fact]
    public async Task A_later_event_of_the_same_content_item_waits_until_the_earlier_one_is_delivered()
    {
        using var receiver = new WebhookReceiver { Answer = (n, _) => n <= 2 ? 503 : 200 }; // the first two attempts fail
        await app.AddEndpointAsync(receiver, PlatformEventTypes.DecisionMade, PlatformEventTypes.SanctionApplied);
        var ids = await app.PublishAsync((PlatformEventTypes.DecisionMade, "c-order"), (PlatformEventTypes.SanctionApplied, "c-order"), (PlatformEventTypes.DecisionMade, "c-order"));

        var received = await receiver.WaitForAsync(r => r.Count(x => x.AnsweredWith == 200) == 3);
        var delivered = received.Where(r => r.AnsweredWith == 200).Select(r => r.EventId).ToList();
        Assert.Equal(ids, delivered);
        var firstSuccess = received.ToList().FindIndex(r => r.EventId == ids[0] && r.AnsweredWith == 200);
        Assert.All(received.Take(firstSuccess), r => Assert.Equal(ids[0], r.EventId)); // nothing later was sent before it got through
    }

    [Fact]
    public async Task An_event_whose_delivery_was_cut_off_by_a_restart_is_delivered_after_it_with_the_same_id()
    {
        using var receiver = new WebhookReceiver { Answer = (_, _) => null }; // holds every request
        var endpointId = await app.AddEndpointAsync(receiver, PlatformEventTypes.SanctionLifted);
        var eventId = (await app.PublishAsync((PlatformEventTypes.SanctionLifted, "user-restart"))).Single();
        await app.WaitForAsync(() => Task.FromResult(receiver.Arrived.Count), count => count >= 1);

        app.Restart(); // the console stops while the receiver still holds the request
        receiver.Answer = (_, _) => 200;
        receiver.Release();

        var delivery = Assert.Single(await app.WaitForAsync(() => app.DeliveriesAsync(endpointId), d => d is [{ State: WebhookDeliveryState.Delivered }]));
        Assert.Equal(eventId, delivery.EventId);
        Assert.True(delivery.Attempts >= 2);
        Assert.All(receiver.Arrived, r => Assert.Equal(eventId, r.EventId)); // the receiver deduplicates by this id
        Assert.True(receiver.Arrived.Count >= 2);
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_disabled_with_a_notice_and_its_events_wait_until_it_is_enabled()
    {
        using var receiver = new WebhookReceiver { Answer = (_, _) => 500 };
        var endpointId = await app.AddEndpointAsync(receiver, PlatformEventTypes.AppealDecided);
        var eventId = (await app.PublishAsync((PlatformEventTypes.AppealDecided, "c-down"))).Single();

        var endpoint = await app.WaitForAsync(() => app.EndpointAsync(endpointId), e => !e.Enabled);
        Assert.Equal((WebhookDisabledReason.RepeatedFailures, 4), (endpoint.DisabledReason, endpoint.ConsecutiveFailures));
        Assert.Equal("HTTP 500 Internal Server Error", endpoint.LastError);
        await using (var manager = app.App.As(WebhookApp.Manager))
        {
            var notice = Assert.Single(await manager.Get<WebhookHealth>().DisabledEndpointsAsync(), n => n.EndpointId == endpointId);
            Assert.Equal(endpoint.Name, notice.Name);
        }
        await using (var db = await app.DbAsync())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.WebhookDisabled && e.TargetId == endpointId.ToString() && e.ActorName == "system"));
        }
        var attempts = receiver.Arrived.Count;
        // A witness endpoint hears an event published after the disabling: the dispatcher has made a whole pass since then.
        using (var witness = new WebhookReceiver())
        {
            var witnessId = await app.AddEndpointAsync(witness, PlatformEventTypes.SanctionLifted);
            await using (var db = await app.DbAsync())
            {
                PlatformEvents.Add(db, PlatformEventTypes.SanctionLifted, "c-down-witness", new { }, DateTime.UtcNow, endpointId: witnessId);
                await db.SaveChangesAsync();
            }
            await witness.WaitForAsync(r => r.Count >= 1);
        }
        Assert.Equal(attempts, receiver.Arrived.Count); // nothing more is sent to a disabled endpoint
        Assert.Equal(WebhookDeliveryState.Pending, (await app.DeliveriesAsync(endpointId)).Single().State);

        receiver.Answer = (_, _) => 200;
        await using (var admin = app.App.As(TestApp.AdminEmail))
        {
            Assert.True((await admin.Get<WebhookService>().SetEnabledAsync(endpointId, endpoint.Version, enabled: true)).Succeeded);
        }
        var delivered = await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200));
        Assert.Equal(eventId, delivered.Last().EventId);
        await using var again = app.App.As(WebhookApp.Manager);
        Assert.DoesNotContain(await again.Get<WebhookHealth>().DisabledEndpointsAsync(), n => n.EndpointId == endpointId);
    }

    [Fact]
    public async Task A_delivery_redelivered_by_hand_reaches_the_receiver_again_with_the_same_id()
    {
        using var receiver = new WebhookReceiver();
        var endpointId = await app.AddEndpointAsync(receiver, PlatformEventTypes.VerificationDecided);
        var eventId = (await app.PublishAsync((PlatformEventTypes.VerificationDecided, "user-again"))).Single();
        var delivery = (await app.WaitForAsync(() => app.DeliveriesAsync(endpointId), d => d is [{ State: WebhookDeliveryState.Delivered }])).Single();

        await using (var admin = app.App.As(TestApp.AdminEmail))
        {
            Assert.True((await admin.Get<WebhookService>().RedeliverAsync(delivery.Id)).Succeeded);
        }
        var received = await receiver.WaitForAsync(r => r.Count == 2);
        Assert.All(received, r => Assert.Equal(eventId, r.EventId));
        Assert.Equal(2, (await app.WaitForAsync(() => app.DeliveriesAsync(endpointId), d => d is [{ State: WebhookDeliveryState.Delivered }])).Single().Attempts);
    }
}
