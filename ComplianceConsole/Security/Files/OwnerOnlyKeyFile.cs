using System.Runtime.InteropServices;

namespace ComplianceConsole.Security.Files;

/// <summary>Key files in the data folder: created once, readable by the app's own account only.</summary>
public static class OwnerOnlyKeyFile
{
    /// <summary>
    /// Writes a new file to a scratch file and puts it in place only if nothing is there yet: a reader never sees half a key,
    /// and when several processes create it at once exactly one wins; the others discard their own and use the winner's.
    /// Returns whether this call created the file.
    /// </summary>
    public static bool CreateOnce(string path, string content)
    {
        Pii.EncryptedFiles.CreateOwnerOnlyFolder(Path.GetDirectoryName(path)!);
        var scratch = WriteScratch(path, content);
        try
        {
            return PlaceIfAbsent(scratch, path);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    // File.Move without overwrite checks for the target and then renames, so two processes could both "create" it (the
    // second replacing the first's key). A hard link fails atomically when the name exists; Windows' move already does.
    private static bool PlaceIfAbsent(string scratch, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(scratch, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        if (Link(scratch, path) == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        if (error == AlreadyExists) return false;
        throw new IOException($"Could not create {path} (error {error}).");
    }

    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string newPath);

    /// <summary>Replaces a key file whole (a rotation): written beside it and moved over it, so a crash leaves the old file or the new one.</summary>
    public static void Replace(string path, string content)
    {
        var scratch = WriteScratch(path, content);
        File.Move(scratch, path, overwrite: true);
    }

    /// <summary>The content in an owner-only file beside <paramref name="path"/>, to be put in place whole.</summary>
    private static string WriteScratch(string path, string content)
    {
        var scratch = $"{path}.{Guid.NewGuid():N}.tmp";
        using var file = new StreamWriter(Pii.EncryptedFiles.CreateOwnerOnly(scratch, FileMode.CreateNew));
        file.Write(content);
        return scratch;
    }
}
