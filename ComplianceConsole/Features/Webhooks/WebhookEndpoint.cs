namespace ComplianceConsole.Features.Webhooks;

public enum WebhookDisabledReason { ByAdministrator = 1, RepeatedFailures = 2 }

/// <summary>
/// Where the platform wants to hear about events: a URL, the event types it subscribes to and the secret that signs
/// each delivery (kept encrypted, shown once). <see cref="FannedOutThroughEventId"/> is how far the dispatcher has
/// turned the outbox into deliveries for it.
/// </summary>
public sealed class WebhookEndpoint
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> EventTypes { get; set; } = [];
    public byte[] EncryptedSecret { get; set; } = [];
    public bool Enabled { get; set; } = true;
    public WebhookDisabledReason? DisabledReason { get; set; }
    public DateTime? DisabledAtUtc { get; set; }
    public string? DisabledByName { get; set; }

    /// <summary>Failed attempts since the last delivery that succeeded; at the configured limit the endpoint is disabled.</summary>
    public int ConsecutiveFailures { get; set; }
    public string? LastError { get; set; }

    /// <summary>After a failure: when the endpoint is tried again (its own backoff, so a receiver that is down is not hammered).</summary>
    public DateTime? RetryAtUtc { get; set; }
    public long FannedOutThroughEventId { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
}
