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
        // The folder holds the database and the key files: readable by the app's own account only.
        if (!Directory.Exists(Path)) Security.Pii.EncryptedFiles.CreateOwnerOnlyFolder(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
