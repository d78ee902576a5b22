namespace ComplianceConsole.Features.Dashboard;

public static class DashboardPermissions
{
    /// <summary>See the compliance dashboard: counts only, never a person's data.</summary>
    public const string Read = "Dashboard.Read";
}
