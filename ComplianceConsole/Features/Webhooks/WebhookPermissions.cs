namespace ComplianceConsole.Features.Webhooks;

public static class WebhookPermissions
{
    public const string Manage = "Webhooks.Manage";
}
