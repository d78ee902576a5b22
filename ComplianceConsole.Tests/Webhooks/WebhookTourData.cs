using ComplianceConsole.Data;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Webhooks;

/// <summary>
/// For the screenshot tour: an endpoint on a public name that the dispatcher gave up on (so nothing is sent from the test),
/// with a delivery log of one delivered event and one given up.
/// </summary>
public static class WebhookTourData
{
    public static async Task<long> ArrangeAsync(TestApp app, StaffScope admin)
    {
        var created = await admin.Get<WebhookService>().CreateAsync(new WebhookEndpointForm
        {
            Name = "主站内容平台", Url = "https://platform.example.cn/compliance/webhooks", EventTypes = [.. PlatformEventTypes.Subscribable],
        });
        var id = created.Value!.EndpointId;
        Assert.True((await admin.Get<WebhookService>().SetEnabledAsync(id, 0, enabled: false)).Succeeded);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        var delivered = PlatformEvents.Add(db, PlatformEventTypes.DecisionMade, "c-tour-1", new { contentId = "c-tour-1", outcome = "Removed" }, now.AddHours(-2), id);
        var givenUp = PlatformEvents.Add(db, PlatformEventTypes.SanctionApplied, "tour-1", new { userId = "tour-1", kind = "Warning" }, now.AddHours(-1), id);
        await db.SaveChangesAsync();
        db.WebhookDeliveries.AddRange(
            new WebhookDelivery { EndpointId = id, PlatformEventId = delivered.Id, OrderingKey = delivered.OrderingKey, State = WebhookDeliveryState.Delivered, Attempts = 2,
                LastStatusCode = 200, LastAttemptAtUtc = now.AddHours(-2), DeliveredAtUtc = now.AddHours(-2), CreatedAtUtc = now.AddHours(-2) },
            new WebhookDelivery { EndpointId = id, PlatformEventId = givenUp.Id, OrderingKey = givenUp.OrderingKey, State = WebhookDeliveryState.GivenUp, Attempts = 20,
                FailuresInRow = 20, LastStatusCode = 503, LastError = "HTTP 503 Service Unavailable", LastAttemptAtUtc = now, CreatedAtUtc = now.AddHours(-1) });
        await db.SaveChangesAsync();
        await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.FannedOutThroughEventId, givenUp.Id)
            .SetProperty(e => e.DisabledReason, WebhookDisabledReason.RepeatedFailures).SetProperty(e => e.DisabledByName, "system")
            .SetProperty(e => e.ConsecutiveFailures, 20).SetProperty(e => e.LastError, "HTTP 503 Service Unavailable"));
        await transaction.CommitAsync();
        return id;
    }
}
