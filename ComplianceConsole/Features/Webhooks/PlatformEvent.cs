namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// An event for the platform, written to this outbox in the same transaction as the change it reports. The payload holds
/// ids and codes, never personal data. Events with the same <see cref="OrderingKey"/> (a content item's external id, a
/// platform user's id) reach each endpoint in the order of <see cref="Id"/>.
/// </summary>
public sealed class PlatformEvent
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public DateTime OccurredAtUtc { get; set; }
    public string OrderingKey { get; set; } = "";
    public string Payload { get; set; } = "{}";

    /// <summary>Set for an event meant for one endpoint only (a test event); null for events every subscriber gets.</summary>
    public long? EndpointId { get; set; }
}
