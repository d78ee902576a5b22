using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The secret that keys the audit chain (each event's HMAC) and signs its checkpoints. It lives outside the
/// database, in <c>audit-key.json</c> in the data folder (or the file named by <c>ComplianceConsole:AuditKeyFile</c>),
/// created with owner-only permissions on first run: someone who can write to the database but does not hold
/// this file cannot recompute the chain after altering it.
/// </summary>
public sealed class AuditKey
{
    public const string ConfigurationKey = "ComplianceConsole:AuditKeyFile";
    public const string DefaultFileName = "audit-key.json";

    private readonly byte[] _key;

    public AuditKey(byte[] key)
    {
        if (key.Length != 32) throw new InvalidOperationException("The audit key must be 32 bytes (256 bits).");
        _key = key;
    }

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public static AuditKey Load(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration[ConfigurationKey];
        var path = string.IsNullOrWhiteSpace(configured) ? dataFolder.File(DefaultFileName) : Path.GetFullPath(configured);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(configured)) throw new FileNotFoundException($"The audit key file {path} does not exist.");
            using var file = new StreamWriter(Security.Pii.EncryptedFiles.CreateOwnerOnly(path, FileMode.CreateNew));
            file.Write(JsonSerializer.Serialize(new KeyFile(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow)));
        }
        var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        return new AuditKey(Convert.FromBase64String(stored.Key));
    }

    private sealed record KeyFile(string Key, DateTime CreatedAtUtc);
}
