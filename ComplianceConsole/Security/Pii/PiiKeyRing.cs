using System.Security.Cryptography;
using System.Text.Json;
using ComplianceConsole.Data;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// The keys that protect personal data at rest: AES-256 keys by id (the highest id encrypts, every id decrypts,
/// so a new key can be added without re-encrypting at once) and one HMAC key for exact lookup.
/// Loaded from the file named by <c>ComplianceConsole:PiiKeyFile</c>, else <c>pii-keys.json</c> in the data folder,
/// which is created with fresh random keys on first run.
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

    public static PiiKeyRing Load(IConfiguration configuration, DataFolder dataFolder) => Load(PathFor(configuration, dataFolder), createIfMissing: string.IsNullOrWhiteSpace(configuration[ConfigurationKey]));

    private static PiiKeyRing Load(string path, bool createIfMissing)
    {
        if (!File.Exists(path))
        {
            if (!createIfMissing) throw new FileNotFoundException($"The PII key file {path} does not exist.");
            Save(path, new KeyFile(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                [new KeyEntry(1, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow)]));
        }
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        return new PiiKeyRing(file.EncryptionKeys.ToDictionary(k => k.Id, k => Convert.FromBase64String(k.Key)), Convert.FromBase64String(file.LookupKey));
    }

    /// <summary>Adds a new encryption key to the file and returns the ring with it: it encrypts from now on, the old keys still decrypt.</summary>
    public static PiiKeyRing AddEncryptionKey(string path)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))!;
        if (file.EncryptionKeys.Max(k => k.Id) == byte.MaxValue) throw new InvalidOperationException("The key ring is full (255 keys).");
        var id = (byte)(file.EncryptionKeys.Max(k => k.Id) + 1);
        Save(path, file with { EncryptionKeys = [.. file.EncryptionKeys, new KeyEntry(id, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow)] });
        return Load(path, createIfMissing: false);
    }

    private static void Save(string path, KeyFile file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private sealed record KeyEntry(byte Id, string Key, DateTime CreatedAtUtc);

    private sealed record KeyFile(string LookupKey, List<KeyEntry> EncryptionKeys);
}
