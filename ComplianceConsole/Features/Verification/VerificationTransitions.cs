namespace ComplianceConsole.Features.Verification;

public enum VerificationAction { Verify, Reject, RequestResubmission, Revoke, Expire }

/// <summary>Which action may be taken from which status, what it leads to, and the reasons a decider may give.</summary>
public static class VerificationTransitions
{
    public const string OtherReason = "other";
    public const string ResubmissionRequested = "resubmission_requested";
    public const string ExpiredReason = "expired";

    private static readonly IReadOnlyDictionary<VerificationAction, IReadOnlyList<string>> Reasons = new Dictionary<VerificationAction, IReadOnlyList<string>>
    {
        [VerificationAction.Verify] = [],
        [VerificationAction.Reject] = ["identity_mismatch", "invalid_document", "identity_in_use", "forged_material", OtherReason],
        [VerificationAction.RequestResubmission] = [ResubmissionRequested],
        [VerificationAction.Revoke] = ["identity_theft", "user_request", "regulator_order", "duplicate_identity", OtherReason],
        [VerificationAction.Expire] = [ExpiredReason],
    };

    public static VerificationStatus? Target(VerificationAction action, VerificationStatus from) => (action, from) switch
    {
        (VerificationAction.Verify, VerificationStatus.Pending) => VerificationStatus.Verified,
        (VerificationAction.Reject, VerificationStatus.Pending) => VerificationStatus.Rejected,
        (VerificationAction.RequestResubmission, VerificationStatus.Pending or VerificationStatus.Verified) => VerificationStatus.Rejected,
        (VerificationAction.Revoke, VerificationStatus.Verified) => VerificationStatus.Revoked,
        (VerificationAction.Expire, VerificationStatus.Verified) => VerificationStatus.Expired,
        _ => null,
    };

    public static IReadOnlyList<VerificationAction> AllowedFrom(VerificationStatus status) =>
        Enum.GetValues<VerificationAction>().Where(a => Target(a, status) is not null).ToList();

    public static IReadOnlyList<string> ReasonsFor(VerificationAction action) => Reasons[action];

    /// <summary>The reason recorded when the decider need not choose one (the action has a single reason).</summary>
    public static string? DefaultReason(VerificationAction action) => Reasons[action] is [var only] ? only : null;

    /// <summary>A message key when the reason or note does not fit the action; null when they do.</summary>
    public static string? CheckReason(VerificationAction action, string? reasonCode, string? note)
    {
        var allowed = Reasons[action];
        if (allowed.Count == 0) return reasonCode is null ? null : "Verification.NoReasonExpected";
        var reason = reasonCode ?? DefaultReason(action);
        if (reason is null || !allowed.Contains(reason)) return "Verification.ReasonRequired";
        if (reason == OtherReason && string.IsNullOrWhiteSpace(note)) return "Verification.NoteRequiredForOther";
        if (note?.Length > VerificationRules.MaxNoteLength) return "Verification.NoteTooLong";
        return null;
    }
}
