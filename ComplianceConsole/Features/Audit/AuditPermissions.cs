namespace ComplianceConsole.Features.Audit;

public static class AuditPermissions
{
    public const string Read = "Audit.Read";
}
