using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Verification;

public enum VerificationMethod { MobileNumber = 1, ResidentIdCard = 2, UnifiedSocialCreditCode = 3, NationalOnlineIdentity = 4 }

public enum VerificationStatus { Pending = 1, Verified = 2, Rejected = 3, Expired = 4, Revoked = 5 }

/// <summary>
/// One real-name verification of a platform user (Art. 9). The identifier and real name are stored encrypted,
/// with a keyed hash of the identifier beside them for exact lookup and duplicate detection.
/// </summary>
public sealed class VerificationRecord
{
    public long Id { get; set; }
    public long PlatformUserId { get; set; }
    public PlatformUser PlatformUser { get; set; } = default!;
    public VerificationMethod Method { get; set; }
    public byte[] IdentifierCipher { get; set; } = [];
    public string IdentifierHash
    {
        get;
        set
        {
            field = value;
            IdentifierHashKey = VerificationHashes.KeyOf(value);
        }
    } = "";

    /// <summary>
    /// The first 60 bits of <see cref="IdentifierHash"/>, the column its index holds: an 8-byte key keeps that random-order
    /// index a fifth of the size of one over the 64-character hash, so inserting a million records stays fast.
    /// </summary>
    public long IdentifierHashKey { get; private set; }
    public byte[] RealNameCipher { get; set; } = [];
    public VerificationStatus Status { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }

    /// <summary>The same identity is verified for another platform user.</summary>
    public bool IsDuplicate { get; set; }

    /// <summary>
    /// Makes a second submission of the same thing (a re-imported row, a retried API call) a no-op. Unique per platform
    /// user, so its index grows at the end for new users instead of at a random place.
    /// </summary>
    public string SubmissionKey { get; set; } = "";

    public int Version { get; set; }
    public List<VerificationHistoryEntry> History { get; set; } = [];
}
