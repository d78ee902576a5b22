namespace ComplianceConsole.Security.Files;

/// <summary>Key files in the data folder: created once, readable by the app's own account only.</summary>
public static class OwnerOnlyKeyFile
{
    /// <summary>
    /// Writes a new file to a scratch file and moves it into place without overwriting: a reader never sees half a key,
    /// and when two processes create it at once the one that loses discards its own and uses the winner's.
    /// Returns whether this call created the file.
    /// </summary>
    public static bool CreateOnce(string path, string content)
    {
        Pii.EncryptedFiles.CreateOwnerOnlyFolder(Path.GetDirectoryName(path)!);
        var scratch = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new StreamWriter(Pii.EncryptedFiles.CreateOwnerOnly(scratch, FileMode.CreateNew)))
        {
            file.Write(content);
        }
        try
        {
            File.Move(scratch, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(scratch);
            return false;
        }
    }

    /// <summary>Replaces a key file whole (a rotation): written beside it and moved over it, so a crash leaves the old file or the new one.</summary>
    public static void Replace(string path, string content)
    {
        var scratch = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new StreamWriter(Pii.EncryptedFiles.CreateOwnerOnly(scratch, FileMode.CreateNew)))
        {
            file.Write(content);
        }
        File.Move(scratch, path, overwrite: true);
    }
}
