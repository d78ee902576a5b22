namespace ComplianceConsole.Security;

/// <summary>Key files outside the database: readable by the app's user alone, and never seen half-written.</summary>
public static class OwnerOnlyKeyFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to a scratch file and moves it into place without overwriting: a reader never sees half a key,
    /// and when two processes start at once the one that loses keeps the winner's key and discards its own.
    /// </summary>
    public static void CreateNew(string path, string content)
    {
        var scratch = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new StreamWriter(Pii.EncryptedFiles.CreateOwnerOnly(scratch, FileMode.CreateNew)))
        {
            file.Write(content);
        }
        try
        {
            File.Move(scratch, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(scratch);
        }
    }
}
