namespace ComplianceConsole.Features.Staff;

public static class StaffPermissions
{
    public const string Manage = "Staff.Manage";
}
