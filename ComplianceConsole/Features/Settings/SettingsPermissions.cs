namespace ComplianceConsole.Features.Settings;

public static class SettingsPermissions
{
    public const string Manage = "Settings.Manage";
}
