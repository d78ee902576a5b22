using ComplianceConsole.Common;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Verification;

public sealed record VerificationFilter
{
    public VerificationStatus? Status { get; init; }
    public VerificationMethod? Method { get; init; }
    public DateTime? SubmittedFromUtc { get; init; }
    public DateTime? SubmittedToUtc { get; init; }
    public DateTime? DecidedFromUtc { get; init; }
    public DateTime? DecidedToUtc { get; init; }
    public string? DecidedBy { get; init; }
    public bool DuplicatesOnly { get; init; }

    /// <summary>An identifier, mobile number or platform user id, matched exactly.</summary>
    public string? Search { get; init; }
}

public enum VerificationSort { SubmittedNewest, SubmittedOldest, DecidedNewest }

/// <summary>The sort key of a row: where a keyset page starts or ends.</summary>
public sealed record VerificationCursor(DateTime At, long Id);

public sealed record VerificationPageRequest(VerificationFilter Filter, VerificationSort Sort, int PageSize,
    PageAnchor Anchor = PageAnchor.First, VerificationCursor? Cursor = null);

public sealed record VerificationRow(long Id, long Version, string ExternalUserId, string UserDisplayName, VerificationMethod Method,
    string MaskedIdentifier, string MaskedName, VerificationStatus Status, DateTime SubmittedAtUtc, DateTime? DecidedAtUtc,
    string? DecidedBy, string? ReasonCode, bool IsDuplicate)
{
    public VerificationCursor CursorFor(VerificationSort sort) =>
        new(sort == VerificationSort.DecidedNewest ? DecidedAtUtc ?? DateTime.MinValue : SubmittedAtUtc, Id);
}

public sealed record VerificationHistoryRow(DateTime AtUtc, string Actor, VerificationStatus? FromStatus, VerificationStatus ToStatus, string? ReasonCode, string? Note);

public sealed record VerificationDetail(VerificationRow Record, PlatformUserKind UserKind, DateTime? ExpiresAtUtc, string? Note,
    IReadOnlyList<VerificationHistoryRow> History, IReadOnlyList<VerificationRow> SameUser, IReadOnlyList<VerificationRow> SameIdentity);

public sealed record RevealedIdentity(string Identifier, string RealName);

public enum EligibilityReason { Verified, UnknownUser, NoVerification, Pending, Rejected, Expired, Revoked, Sanctioned }

/// <summary>
/// May this platform user publish now (Art. 9), and if not, why not. A sanction in force (Art. 10) is named with its end:
/// one that stops publishing makes the answer <see cref="EligibilityReason.Sanctioned"/>, a warning is shown beside a yes.
/// </summary>
public sealed record Eligibility(string ExternalUserId, bool Eligible, EligibilityReason Reason, VerificationMethod? Method, DateTime? VerifiedAtUtc, DateTime? ExpiresAtUtc,
    SanctionKind? Sanction = null, DateTime? SanctionEndsAtUtc = null);
