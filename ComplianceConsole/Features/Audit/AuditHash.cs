using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Features.Audit;

/// <summary>The hash that links an audit event to the one before it.</summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEvent e)
    {
        // Length-prefixed fields, so that no two different events can produce the same text.
        var text = new StringBuilder();
        foreach (var field in Fields(e))
        {
            var value = field ?? "\0";
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<string?> Fields(AuditEvent e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.OccurredAtUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        e.ActorId, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress,
        e.PreviousHash,
    ];
}
