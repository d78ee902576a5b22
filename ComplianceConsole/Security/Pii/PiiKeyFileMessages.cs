namespace ComplianceConsole.Security.Pii;

/// <summary>What start-up says when the personal-data key file cannot be used: which file, and what to restore.</summary>
internal static class PiiKeyFileMessages
{
    private const string Restore = "Restore it from the backup of the data folder taken with the database (the key file and the database belong together) and start again.";

    public static string Missing(string path) =>
        $"The personal-data key file {path} is missing. {Restore}";

    public static string MissingWithData(string path) =>
        $"The personal-data key file {path} is missing, but the database holds personal data encrypted with it. {Restore} "
        + "A new key would make every stored record unreadable, so none is created.";

    public static string Unreadable(string path) =>
        $"The personal-data key file {path} cannot be read (it is not a key file this console wrote). {Restore}";

    public static string WrongKey(string path, byte keyId) =>
        $"The personal-data key file {path} cannot decrypt the stored data encrypted with key {keyId}: it is not the key file of this database. {Restore}";
}
