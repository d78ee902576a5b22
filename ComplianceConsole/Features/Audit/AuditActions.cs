namespace ComplianceConsole.Features.Audit;

/// <summary>The action codes an audit event can carry; the audit page shows each by its localised name.</summary>
public static class AuditActions
{
    public const string SetupCompleted = "setup.completed";
    public const string SignInSucceeded = "auth.sign_in_succeeded";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string LockedOut = "auth.locked_out";
    public const string SignedOut = "auth.signed_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string TwoFactorEnabled = "auth.2fa_enabled";
    public const string TwoFactorDisabled = "auth.2fa_disabled";
    public const string RecoveryCodesGenerated = "auth.recovery_codes_generated";
    public const string StaffCreated = "staff.created";
    public const string StaffRolesChanged = "staff.roles_changed";
    public const string StaffDisabled = "staff.disabled";
    public const string StaffEnabled = "staff.enabled";
    public const string StaffUnlocked = "staff.unlocked";
    public const string StaffTwoFactorReset = "staff.2fa_reset";
    public const string StaffPasswordLinkIssued = "staff.password_link_issued";
    public const string SettingsChanged = "settings.changed";
    public const string ChainVerified = "audit.chain_verified";
    public const string VerificationSubmitted = "verification.submitted";
    public const string VerificationImported = "verification.imported";
    public const string VerificationDecided = "verification.decided";
    public const string VerificationBulkDecided = "verification.bulk_decided";
    public const string PiiRevealed = "pii.revealed";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string JobQueued = "job.queued";
    public const string JobCancelled = "job.cancelled";

    public static readonly IReadOnlyList<string> All =
    [
        SetupCompleted, SignInSucceeded, SignInFailed, LockedOut, SignedOut, PasswordChanged, TwoFactorEnabled,
        TwoFactorDisabled, RecoveryCodesGenerated, StaffCreated, StaffRolesChanged, StaffDisabled, StaffEnabled,
        StaffUnlocked, StaffTwoFactorReset, StaffPasswordLinkIssued, SettingsChanged, ChainVerified,
        VerificationSubmitted, VerificationImported, VerificationDecided, VerificationBulkDecided, PiiRevealed,
        ApiKeyCreated, ApiKeyRevoked, JobQueued, JobCancelled,
    ];
}
