using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// The signature a delivery carries in <see cref="HeaderName"/>: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is
/// HMAC-SHA256, keyed with the UTF-8 bytes of the endpoint's secret, over the UTF-8 bytes of <c>"{t}.{body}"</c>.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-ComplianceConsole-Signature";
    public const string EventIdHeader = "X-ComplianceConsole-Event-Id";
    public const string EventTypeHeader = "X-ComplianceConsole-Event-Type";

    public static string Header(string secret, long timestamp, string body) => $"t={timestamp},v1={Compute(secret, timestamp, body)}";

    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>What a receiver does: the header parses, the signature matches, and the timestamp is recent.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var timestamp) || !parts.TryGetValue("v1", out var v1)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(v1));
    }

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
