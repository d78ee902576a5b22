using ComplianceConsole.Data;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Webhooks;

/// <summary>
/// The app with webhooks allowed on 127.0.0.1 and timings shrunk (a fast poll, 2-second attempts, backoff from 0.3 s capped
/// at 2 s, an endpoint disabled after 4 failures in a row), a reviewer, a manager and a verifier.
/// </summary>
public class WebhookApp : IAsyncLifetime
{
    public const string Reviewer = "reviewer@example.cn";
    public const string Manager = "manager@example.cn";
    public const string Verifier = "verifier@example.cn";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["ComplianceConsole:Webhooks:AllowPrivateAddresses"] = "true",
        ["ComplianceConsole:Webhooks:PollSeconds"] = "0.3",
        ["ComplianceConsole:Webhooks:AttemptTimeoutSeconds"] = "2",
        ["ComplianceConsole:Webhooks:BackoffBaseSeconds"] = "0.3",
        ["ComplianceConsole:Webhooks:BackoffCapSeconds"] = "2",
        ["ComplianceConsole:Webhooks:DisableAfterFailures"] = "4",
        ["ComplianceConsole:Webhooks:MaxAttempts"] = "6",
    };

    public TestApp App { get; private set; } = new(Settings) { KeepDataFolder = true };

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
    }

    /// <summary>Stops the app and starts it again on the same data folder, as a deployment or a crash would.</summary>
    public void Restart()
    {
        var folder = App.DataFolderPath;
        App.Dispose();
        App = new TestApp(Settings, folder) { KeepDataFolder = true };
        _ = App.Services; // starts it, and with it the job host
    }

    public ValueTask DisposeAsync()
    {
        App.KeepDataFolder = false;
        App.Dispose();
        return ValueTask.CompletedTask;
    }

    public Task<AppDbContext> DbAsync() => App.Services.ReadContextAsync();

    /// <summary>An endpoint for the receiver, subscribed to these events (all by default); the receiver is given its secret.</summary>
    public async Task<long> AddEndpointAsync(WebhookReceiver receiver, params string[] events)
    {
        await using var admin = App.As(TestApp.AdminEmail);
        var created = await admin.Get<WebhookService>().CreateAsync(new WebhookEndpointForm
        {
            Name = $"platform {receiver.Port}", Url = receiver.Url, EventTypes = [.. events.Length == 0 ? PlatformEventTypes.Subscribable : events],
        });
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.MessageKey)));
        receiver.Secret = created.Value!.Secret;
        return created.Value.EndpointId;
    }

    /// <summary>Publishes events the way a service does: staged on a context and saved with it.</summary>
    public async Task<IReadOnlyList<Guid>> PublishAsync(params (string Type, string OrderingKey)[] events)
    {
        await using var db = await DbAsync();
        var published = events.Select(e => PlatformEvents.Add(db, e.Type, e.OrderingKey, new { key = e.OrderingKey }, DateTime.UtcNow).EventId).ToList();
        await db.SaveChangesAsync();
        return published;
    }

    public async Task<WebhookEndpointRow> EndpointAsync(long id)
    {
        await using var admin = App.As(TestApp.AdminEmail);
        return (await admin.Get<WebhookService>().GetAsync(id))!;
    }

    public async Task<IReadOnlyList<WebhookDeliveryRow>> DeliveriesAsync(long endpointId)
    {
        await using var admin = App.As(TestApp.AdminEmail);
        return (await admin.Get<WebhookService>().DeliveriesAsync(endpointId, Common.PageAnchor.First, null)).Items;
    }

    public async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not there after {seconds} s: {value}");
            await Task.Delay(50);
        }
    }
}
