namespace ComplianceConsole.Features.Webhooks;

public sealed record WebhookEndpointRow(long Id, string Name, string Url, IReadOnlyList<string> EventTypes, bool Enabled,
    WebhookDisabledReason? DisabledReason, DateTime? DisabledAtUtc, string? DisabledByName, int ConsecutiveFailures, string? LastError,
    DateTime? RetryAtUtc, string CreatedByName, DateTime CreatedAtUtc, int Pending, int Version);

public sealed record WebhookDeliveryRow(long Id, Guid EventId, string Type, DateTime OccurredAtUtc, string OrderingKey, WebhookDeliveryState State,
    int Attempts, int? LastStatusCode, string? LastError, DateTime? LastAttemptAtUtc, DateTime? NextAttemptAtUtc, DateTime? DeliveredAtUtc);

/// <summary>An endpoint's secret in the clear, given at creation or rotation only.</summary>
public sealed record WebhookSecret(long EndpointId, string Secret);

/// <summary>An endpoint the dispatcher gave up on, for the notice on the webhooks page and the Manager's dashboard.</summary>
public sealed record WebhookHealthNotice(long EndpointId, string Name, DateTime DisabledAtUtc, int ConsecutiveFailures, string? LastError);
