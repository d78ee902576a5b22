namespace ComplianceConsole.Features.ApiKeys;

public static class ApiKeyPermissions
{
    public const string Manage = "ApiKeys.Manage";
}
