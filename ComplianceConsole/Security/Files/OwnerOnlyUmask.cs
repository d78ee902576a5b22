using System.Runtime.InteropServices;

namespace ComplianceConsole.Security.Files;

/// <summary>
/// Every file the process creates — the database and its -wal and -shm files, which SQLite creates itself, the setup token,
/// exports — is readable by the app's own account only, whatever umask the service manager or shell started it with.
/// </summary>
public static partial class OwnerOnlyUmask
{
    private const uint GroupAndOthers = 0b000_111_111; // 077

    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) SetUmask(GroupAndOthers);
    }

    /// <summary>For a test that starts the app under a permissive umask; returns the previous one.</summary>
    public static uint Set(uint mask) => SetUmask(mask);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
