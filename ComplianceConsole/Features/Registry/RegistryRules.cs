namespace ComplianceConsole.Features.Registry;

public static class RegistryRules
{
    public const int MaxExternalIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxScopeLength = 1000;
    public const int MaxTextLength = 4000;
    public const int MaxFileNameLength = 200;

    /// <summary>What falls due soon: within this many days.</summary>
    public const int DueSoonDays = 30;
}
