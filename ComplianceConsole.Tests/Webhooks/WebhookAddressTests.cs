using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Webhooks;

/// <summary>The app as deployed: private addresses not allowed, so the console cannot be aimed at itself or its network.</summary>
public sealed class WebhookAddressTests : IDisposable
{
    private readonly TestApp _app = new(new Dictionary<string, string> { ["ComplianceConsole:Webhooks:PollSeconds"] = "0.3" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_administrator_cannot_register_a_loopback_or_private_address_and_is_told_why()
    {
        await _app.CompleteSetupAsync();
        await using var admin = _app.As(TestApp.AdminEmail);
        var webhooks = admin.Get<WebhookService>();
        foreach (var (url, key) in new[] { ("http://127.0.0.1:5204/healthz", "Webhooks.Url.Loopback"), ("http://192.168.0.8/hooks", "Webhooks.Url.Private"), ("ftp://example.cn/", "Webhooks.Url.SchemeNotAllowed") })
        {
            var refused = await webhooks.CreateAsync(new WebhookEndpointForm { Name = "self", Url = url, EventTypes = [PlatformEventTypes.DecisionMade] });
            Assert.Equal(("Url", key), (Assert.Single(refused.Errors).Field, refused.Errors[0].MessageKey));
            Assert.Null(refused.Value);
        }
        Assert.Empty(await webhooks.ListAsync());
    }

    [Fact]
    public async Task A_name_that_resolves_to_this_machine_is_refused_at_delivery_time_and_nothing_reaches_it()
    {
        await _app.CompleteSetupAsync();
        using var receiver = new WebhookReceiver();
        long endpointId;
        // As if the name had pointed elsewhere when it was registered: only the connection-time check stands in the way now.
        await using (var db = await _app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext>>().CreateDbContextAsync())
        {
            var endpoint = new WebhookEndpoint
            {
                Name = "rebound", Url = $"http://localhost:{receiver.Port}/hooks", EventTypes = [PlatformEventTypes.DecisionMade],
                EncryptedSecret = _app.Services.GetRequiredService<PiiProtector>().Encrypt("whsec_x"), CreatedByName = "test", CreatedAtUtc = DateTime.UtcNow,
            };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            endpointId = endpoint.Id;
            PlatformEvents.Add(db, PlatformEventTypes.DecisionMade, "c-rebound", new { }, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using var admin = _app.As(TestApp.AdminEmail);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        WebhookDeliveryRow? delivery = null;
        while (delivery?.LastError is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            delivery = (await admin.Get<WebhookService>().DeliveriesAsync(endpointId, Common.PageAnchor.First, null)).Items.SingleOrDefault();
        }
        Assert.NotNull(delivery);
        Assert.Contains("Loopback", delivery.LastError);
        Assert.Null(delivery.LastStatusCode);
        Assert.Empty(receiver.Arrived);
    }
}
