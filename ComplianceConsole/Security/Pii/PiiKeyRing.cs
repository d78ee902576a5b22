using System.Security.Cryptography;
using System.Text.Json;
using ComplianceConsole.Data;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// The keys that protect personal data at rest: AES-256 keys by id (the highest id encrypts, every id decrypts,
/// so a new key can be added without re-encrypting at once) and one HMAC key for exact lookup.
/// Loaded from the file named by <c>ComplianceConsole:PiiKeyFile</c>, else <c>pii-keys.json</c> in the data folder,
/// which is created with fresh random keys on first run only, while the database holds nothing they protect (<see cref="PiiKeyCheck"/>).
/// </summary>
public sealed class PiiKeyRing
{
    public const string ConfigurationKey = "ComplianceConsole:PiiKeyFile";
    public const string DefaultFileName = "pii-keys.json";

    public PiiKeyRing(IReadOnlyDictionary<byte, byte[]> encryptionKeys, byte[] lookupKey)
    {
        if (encryptionKeys.Count == 0) throw new InvalidOperationException("The PII key ring has no encryption key.");
        if (encryptionKeys.Values.Any(k => k.Length != 32) || lookupKey.Length != 32)
            throw new InvalidOperationException("PII keys must be 32 bytes (256 bits).");
        EncryptionKeys = encryptionKeys;
        LookupKey = lookupKey;
        CurrentKeyId = encryptionKeys.Keys.Max();
    }

    public IReadOnlyDictionary<byte, byte[]> EncryptionKeys { get; }
    public byte CurrentKeyId { get; }
    public byte[] LookupKey { get; }

    public static string PathFor(IConfiguration configuration, DataFolder dataFolder) =>
        string.IsNullOrWhiteSpace(configuration[ConfigurationKey]) ? dataFolder.File(DefaultFileName) : Path.GetFullPath(configuration[ConfigurationKey]!);

    /// <summary>Reads the key file; a missing or unreadable one stops start-up with a message saying what to restore.</summary>
    public static PiiKeyRing Load(IConfiguration configuration, DataFolder dataFolder) => Load(PathFor(configuration, dataFolder));

    private static PiiKeyRing Load(string path)
    {
        if (!File.Exists(path)) throw new StartupRefusedException(PiiKeyFileMessages.Missing(path));
        try
        {
            var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new JsonException("empty");
            return new PiiKeyRing(file.EncryptionKeys.ToDictionary(k => k.Id, k => Convert.FromBase64String(k.Key)), Convert.FromBase64String(file.LookupKey));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NullReferenceException
            or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(PiiKeyFileMessages.Unreadable(path));
        }
    }

    /// <summary>A key file with fresh random keys, unless one exists already (another instance may have just created it).</summary>
    public static bool CreateFile(string path) =>
        Files.OwnerOnlyKeyFile.CreateOnce(path, Serialize(new KeyFile(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [new KeyEntry(1, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow)])));

    /// <summary>Adds a new encryption key to the file and returns the ring with it: it encrypts from now on, the old keys still decrypt.</summary>
    public static PiiKeyRing AddEncryptionKey(string path)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))!;
        if (file.EncryptionKeys.Max(k => k.Id) == byte.MaxValue) throw new InvalidOperationException("The key ring is full (255 keys).");
        var id = (byte)(file.EncryptionKeys.Max(k => k.Id) + 1);
        Files.OwnerOnlyKeyFile.Replace(path,
            Serialize(file with { EncryptionKeys = [.. file.EncryptionKeys, new KeyEntry(id, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow)] }));
        return Load(path);
    }

    private static string Serialize(KeyFile file) => JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true });

    private sealed record KeyEntry(byte Id, string Key, DateTime CreatedAtUtc);

    private sealed record KeyFile(string LookupKey, List<KeyEntry> EncryptionKeys);
}
