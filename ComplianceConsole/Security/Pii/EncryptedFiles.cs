namespace ComplianceConsole.Security.Pii;

/// <summary>
/// Files that may hold personal data (an uploaded import) are written encrypted with the personal-data key and
/// readable by the app's own account only, so a copy of the data folder without the key file exposes nothing.
/// </summary>
public sealed class EncryptedFiles(PiiProtector protector)
{
    public static readonly UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public static readonly UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        CreateOwnerOnlyFolder(Path.GetDirectoryName(path)!);
        await using var file = CreateOwnerOnly(path, FileMode.CreateNew);
        await file.WriteAsync(protector.EncryptBytes(plaintext.Span), cancellationToken);
    }

    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        protector.DecryptBytes(await File.ReadAllBytesAsync(path, cancellationToken));

    /// <summary>Opens a file for writing that, when this creates it, only the app's own account may read.</summary>
    public static FileStream CreateOwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(path, options);
    }

    public static string CreateOwnerOnlyFolder(string path) =>
        (OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerOnlyFolder)).FullName;
}
