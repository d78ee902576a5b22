using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Features.Audit;

/// <summary>How an event's hash was made: plain SHA-256 (events written before the chain was keyed) or HMAC-SHA256 with the audit key.</summary>
public enum AuditHashKind { Sha256 = 0, KeyedHmac = 1 }

/// <summary>The hash that links an audit event to the one before it: an HMAC with the audit key, over every field.</summary>
public sealed class AuditHash
{
    private readonly Func<AuditKey> _key;

    public AuditHash(AuditKey key) => _key = () => key;

    // The key is read on first use, after the start-up check has made sure it is the chain's.
    public AuditHash(AuditKeys keys) => _key = () => keys.Hmac;

    /// <summary>The previous hash of the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public string Compute(AuditEvent e) => e.HashKind == AuditHashKind.KeyedHmac
        ? _key().Mac(CanonicalText(e), e.Sequence)
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(e))));

    /// <summary>Whether the event must carry a keyed hash: decided by the key file, never by the event's own row.</summary>
    public bool MustBeKeyed(AuditEvent e) => e.Sequence >= _key().KeyedFromSequence;

    public string Seal(PendingAuditEvent e) => _key().Seal(SealedText(e));

    /// <summary>Whether the console sealed this waiting event as it is now: one written or altered without the key is not.</summary>
    public bool IsSealed(PendingAuditEvent e) => IsHex(e.Seal) && _key().IsSealed(SealedText(e), e.Seal);

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private static string SealedText(PendingAuditEvent e) => CanonicalText(
    [
        "pending", e.EntryId.ToString("N"), e.OccurredAtUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        e.ActorId, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress,
    ]);

    private static string CanonicalText(AuditEvent e) => CanonicalText(Fields(e));

    // Length-prefixed fields, so that no two different events can produce the same text.
    private static string CanonicalText(IEnumerable<string?> fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            var value = field ?? "\0";
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }
        return text.ToString();
    }

    private static IEnumerable<string?> Fields(AuditEvent e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.OccurredAtUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        e.ActorId, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress,
        e.PreviousHash,
    ];
}
