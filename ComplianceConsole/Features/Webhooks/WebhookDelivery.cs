namespace ComplianceConsole.Features.Webhooks;

public enum WebhookDeliveryState { Pending = 1, Delivered = 2, GivenUp = 3 }

/// <summary>One event on its way to one endpoint: every attempt, the last answer, and when it is tried next.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long EndpointId { get; set; }
    public long PlatformEventId { get; set; }
    public PlatformEvent Event { get; set; } = default!;
    public string OrderingKey { get; set; } = "";
    public WebhookDeliveryState State { get; set; } = WebhookDeliveryState.Pending;
    public int Attempts { get; set; }

    /// <summary>Failures since the delivery was queued (or redelivered by hand): the backoff grows with them.</summary>
    public int FailuresInRow { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
