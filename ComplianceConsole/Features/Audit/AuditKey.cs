using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The secrets that key the audit chain (each event's HMAC). They live outside the database, in <c>audit-key.json</c> (see
/// <see cref="AuditKeys"/>): someone who can write to the database but does not hold this file cannot recompute the chain after
/// altering it. The file is a ring: the first key from the event the chain was keyed from, and each key a rotation added from
/// the event after the rotation's own, so whether an event must carry a keyed hash, and with which key, is never taken from the
/// event's own (rewritable) row. Each key has an id (an HMAC of a fixed text under it) that names it without revealing it.
/// </summary>
public sealed class AuditKey
{
    private readonly IReadOnlyList<RingKey> _ring;

    public AuditKey(byte[] key, long keyedFromSequence = 1) : this([new RingKey(key, keyedFromSequence)])
    {
    }

    private AuditKey(IReadOnlyList<RingKey> ring)
    {
        if (ring.Any(k => k.Key.Length != 32)) throw new InvalidOperationException("The audit key must be 32 bytes (256 bits).");
        _ring = ring;
    }

    /// <summary>Every event from this sequence on carries a keyed hash; an unkeyed one there was rewritten without the key.</summary>
    public long KeyedFromSequence => _ring[0].FromSequence;

    /// <summary>The id of the key new events are keyed with.</summary>
    public string CurrentId => _ring[^1].Id;

    /// <summary>The id of the key that keys the event with this sequence.</summary>
    public string IdFor(long sequence) => KeyFor(sequence).Id;

    public string Mac(string text, long sequence) => Convert.ToHexStringLower(HMACSHA256.HashData(KeyFor(sequence).Key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Seals an event waiting for its place in the chain, with the key new events are keyed with.</summary>
    public string Seal(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_ring[^1].Key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether a key of the ring sealed this text (a rotation may come between sealing and chaining).</summary>
    public bool IsSealed(string text, string seal)
    {
        var expected = Convert.FromHexString(seal);
        return _ring.Any(k => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(k.Key, Encoding.UTF8.GetBytes(text)), expected));
    }

    private RingKey KeyFor(long sequence) => _ring.LastOrDefault(k => k.FromSequence <= sequence) ?? _ring[0];

    public static AuditKey Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new JsonException("empty");
            var first = new RingKey(Convert.FromBase64String(stored.Key), stored.KeyedFromSequence ?? 1);
            return new AuditKey([first, .. (stored.Later ?? []).Select(k => new RingKey(Convert.FromBase64String(k.Key), k.FromSequence))]);
        }
        catch (Exception unreadable) when (unreadable is JsonException or FormatException or InvalidOperationException or ArgumentException
            or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(
                $"启动已停止：审计密钥文件 {path} 无法读取（已损坏、不是审计密钥文件，或本服务的账号无权读取）。请从备份恢复该文件。\n" +
                $"Start-up stopped: the audit key file {path} cannot be read (it is damaged, not an audit key file, or not readable by the service's account). Restore it from your backup.");
        }
    }

    /// <summary>A new key for a chain whose first event is still to come.</summary>
    public static void CreateKeyFile(string path) =>
        Security.Files.OwnerOnlyKeyFile.CreateOnce(path, JsonSerializer.Serialize(new KeyFile(NewSecret(), DateTime.UtcNow, 1)));

    /// <summary>
    /// Adds <paramref name="secret"/> to the ring to key every event from <paramref name="fromSequence"/> on, replacing the file whole
    /// (the earlier keys stay in it: older events are verified with them). Returns the new key's id.
    /// </summary>
    public static string AddKey(string path, byte[] secret, long fromSequence)
    {
        var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))!;
        var added = new LaterKey(Convert.ToBase64String(secret), fromSequence, DateTime.UtcNow);
        Security.Files.OwnerOnlyKeyFile.Replace(path, JsonSerializer.Serialize(stored with { Later = [.. stored.Later ?? [], added] }));
        return IdOf(secret);
    }

    /// <summary>Names a key without revealing it.</summary>
    public static string IdOf(byte[] secret) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, "ComplianceConsole audit key id"u8))[..16];

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed record RingKey(byte[] Key, long FromSequence)
    {
        public string Id { get; } = IdOf(Key);
    }

    // Files written before KeyedFromSequence existed key the chain from its first event: keys are made before any event is written.
    private sealed record KeyFile(string Key, DateTime CreatedAtUtc, long? KeyedFromSequence = null, IReadOnlyList<LaterKey>? Later = null);

    private sealed record LaterKey(string Key, long FromSequence, DateTime CreatedAtUtc);
}
