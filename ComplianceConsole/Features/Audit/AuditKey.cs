using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The secret that keys the audit chain (each event's HMAC). It lives outside the database, in <c>audit-key.json</c> (see
/// <see cref="AuditKeys"/>): someone who can write to the database but does not hold this file cannot recompute the chain after
/// altering it. The file also records from which event on the chain is keyed, so whether an event must carry a keyed hash is
/// never taken from the event's own (rewritable) row.
/// </summary>
public sealed class AuditKey
{
    private readonly byte[] _key;

    public AuditKey(byte[] key, long keyedFromSequence = 1)
    {
        if (key.Length != 32) throw new InvalidOperationException("The audit key must be 32 bytes (256 bits).");
        _key = key;
        KeyedFromSequence = keyedFromSequence;
    }

    /// <summary>Every event from this sequence on carries a keyed hash; an unkeyed one there was rewritten without the key.</summary>
    public long KeyedFromSequence { get; }

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public static AuditKey Read(string path)
    {
        var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        return new AuditKey(Convert.FromBase64String(stored.Key), stored.KeyedFromSequence ?? 1);
    }

    /// <summary>A new key for a chain whose first event is still to come.</summary>
    public static void CreateKeyFile(string path) =>
        Security.Files.OwnerOnlyKeyFile.CreateOnce(path, JsonSerializer.Serialize(new KeyFile(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow, 1)));

    // Files written before KeyedFromSequence existed key the chain from its first event: keys are made before any event is written.
    private sealed record KeyFile(string Key, DateTime CreatedAtUtc, long? KeyedFromSequence = null);
}
