namespace ComplianceConsole.Features.Webhooks;

/// <summary>What an Administrator edits about an endpoint.</summary>
public sealed class WebhookEndpointForm
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public HashSet<string> EventTypes { get; set; } = [];
}
