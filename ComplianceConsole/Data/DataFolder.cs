namespace ComplianceConsole.Data;

/// <summary>The folder that holds the embedded database, key files and the one-time setup token.</summary>
public sealed class DataFolder
{
    public const string ConfigurationKey = "ComplianceConsole:DataFolder";

    public DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(environment.ContentRootPath, "App_Data")
            : System.IO.Path.Combine(environment.ContentRootPath, configured));
        // The folder holds the database and the key files: readable by the app's own account only, including what an
        // earlier version or a restore from backup left readable to others.
        if (!Directory.Exists(Path)) Security.Pii.EncryptedFiles.CreateOwnerOnlyFolder(Path);
        else RestrictToOwner(Path);
    }

    private static void RestrictToOwner(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        System.IO.File.SetUnixFileMode(folder, Security.Pii.EncryptedFiles.OwnerOnlyFolder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null) continue;
            try
            {
                entry.UnixFileMode = entry is DirectoryInfo ? Security.Pii.EncryptedFiles.OwnerOnlyFolder : Security.Pii.EncryptedFiles.OwnerOnlyFile;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone since the folder was listed: SQLite removes its shared-memory file when the last connection closes,
                // as another process's may while this one starts (a restart once failed there).
            }
            catch (UnauthorizedAccessException)
            {
                // Another account's file (a key restored from a backup as root, say): the app can neither keep it owner-only
                // nor, most likely, read it.
                throw new StartupRefusedException(
                    $"启动已停止：数据文件夹中的 {entry.FullName} 属于另一个账号，本服务的账号无法将其设为仅所有者可读写。请把它的所有者改为运行本服务的账号（chown），然后再启动。\n" +
                    $"Start-up stopped: {entry.FullName} in the data folder belongs to another account, so the service's account cannot make it owner-only. " +
                    "Make the service's account its owner (chown) and start again.");
            }
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
