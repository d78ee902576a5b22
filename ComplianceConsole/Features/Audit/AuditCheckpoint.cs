using System.Globalization;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// A signed statement of the chain's head at a moment: "event N had hash H". Kept in the database and, one line
/// each, in a file outside it; an event removed from the end, or the chain rewritten, no longer matches it.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// ECDSA P-256 signature (base64 DER) with the audit signing key over <see cref="SignedText"/>: nobody without the private key can
    /// make one, and anyone with the public key can check it.
    /// </summary>
    public string Signature { get; set; } = "";

    /// <summary>
    /// The fingerprint of the signing key that made <see cref="Signature"/> (<see cref="Security.EcdsaSigner.Fingerprint"/>): after a
    /// rotation older checkpoints stay signed by the key of their time. Null on checkpoints from before keys had ids.
    /// </summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// Written by the retention purge before it removes the events up to and including <see cref="Sequence"/>: the chain is
    /// verified from here on. Signed apart from an ordinary checkpoint, so no hourly checkpoint can pass for one.
    /// </summary>
    public bool IsPurgeBase { get; set; }

    public string SignedText() =>
        string.Create(CultureInfo.InvariantCulture, $"{(IsPurgeBase ? "purge-base" : "checkpoint")}|{Sequence}|{Hash}|{CreatedAtUtc.ToUniversalTime():O}");
}
