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
    public const string AuditKeysRotated = "audit.keys_rotated";
    public const string VerificationSubmitted = "verification.submitted";
    public const string VerificationImported = "verification.imported";
    public const string VerificationDecided = "verification.decided";
    public const string VerificationBulkDecided = "verification.bulk_decided";
    public const string PiiRevealed = "pii.revealed";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string JobQueued = "job.queued";
    public const string JobCancelled = "job.cancelled";
    public const string ContentSubmitted = "content.submitted";
    public const string MediaFilesRead = "content.media_files_read";
    public const string MediaHostAllowed = "settings.media_host_allowed";
    public const string MediaHostRemoved = "settings.media_host_removed";
    public const string FlagsSubmitted = "content.flagged";
    public const string ReviewCaseClaimed = "review.claimed";
    public const string ReviewCaseReleased = "review.released";
    public const string ReviewCaseNoted = "review.noted";
    public const string ReviewCaseAssigned = "review.assigned";
    public const string ReviewClaimsExpired = "review.claims_expired";
    public const string ReviewCaseDecided = "review.decided";
    public const string ReviewBulkDecided = "review.bulk_decided";
    public const string ReviewCaseReopened = "review.reopened";
    public const string SanctionImposed = "sanction.imposed";
    public const string SanctionLifted = "sanction.lifted";
    public const string RumourRefutationRecorded = "review.rumour_refuted";
    public const string RegulatorReportRecorded = "review.reported_to_regulator";
    public const string ComplaintAnswered = "review.complaint_answered";
    public const string FeatureRuleSaved = "feature_library.rule_saved";
    public const string FeatureRulesImported = "feature_library.imported";
    public const string HashBankSaved = "hash_bank.saved";
    public const string HashBankEntriesAdded = "hash_bank.entries_added";
    public const string HashBankEntryRemoved = "hash_bank.entry_removed";
    public const string TimeLimitsChanged = "review.time_limits_changed";
    public const string CalendarChanged = "review.calendar_changed";
    public const string ConsentRecorded = "registry.consent_recorded";
    public const string ConsentWithdrawn = "registry.consent_withdrawn";
    public const string AssessmentSaved = "registry.assessment_saved";
    public const string LaunchRecorded = "registry.launch_recorded";
    public const string FilingSaved = "registry.filing_saved";
    public const string EvidenceUploaded = "registry.evidence_uploaded";
    public const string EvidenceDownloaded = "registry.evidence_downloaded";
    public const string AppealReceived = "appeal.received";
    public const string AppealDecided = "appeal.decided";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookSecretRotated = "webhook.secret_rotated";
    public const string WebhookEnabled = "webhook.enabled";
    public const string WebhookDisabled = "webhook.disabled";
    public const string WebhookTestSent = "webhook.test_sent";
    public const string WebhookRedelivered = "webhook.redelivered";
    public const string ExportRequested = "export.requested";
    public const string ExportRequestedUnmasked = "export.requested_unmasked";
    public const string ExportGenerated = "export.generated";
    public const string ExportDownloaded = "export.downloaded";
    public const string ExportScheduleCreated = "export.schedule_created";
    public const string ExportScheduleRemoved = "export.schedule_removed";
    public const string InspectionPackRequested = "export.pack_requested";
    public const string RetentionRuleChanged = "retention.rule_changed";
    public const string RetentionPurged = "retention.purged";
    public const string LegalHoldPlaced = "retention.hold_placed";
    public const string LegalHoldLifted = "retention.hold_lifted";
    public const string AccountClosed = "retention.account_closed";

    public static readonly IReadOnlyList<string> All =
    [
        SetupCompleted, SignInSucceeded, SignInFailed, LockedOut, SignedOut, PasswordChanged, TwoFactorEnabled,
        TwoFactorDisabled, RecoveryCodesGenerated, StaffCreated, StaffRolesChanged, StaffDisabled, StaffEnabled,
        StaffUnlocked, StaffTwoFactorReset, StaffPasswordLinkIssued, SettingsChanged, ChainVerified, AuditKeysRotated,
        VerificationSubmitted, VerificationImported, VerificationDecided, VerificationBulkDecided, PiiRevealed,
        ApiKeyCreated, ApiKeyRevoked, JobQueued, JobCancelled,
        ContentSubmitted, MediaFilesRead, MediaHostAllowed, MediaHostRemoved, FlagsSubmitted, ReviewCaseClaimed, ReviewCaseReleased, ReviewCaseNoted, ReviewCaseAssigned, ReviewClaimsExpired, ReviewCaseDecided, ReviewBulkDecided, ReviewCaseReopened,
        SanctionImposed, SanctionLifted, RumourRefutationRecorded, RegulatorReportRecorded, ComplaintAnswered, FeatureRuleSaved, FeatureRulesImported, TimeLimitsChanged, CalendarChanged,
        HashBankSaved, HashBankEntriesAdded, HashBankEntryRemoved,
        ConsentRecorded, ConsentWithdrawn, AssessmentSaved, LaunchRecorded, FilingSaved, EvidenceUploaded, EvidenceDownloaded,
        AppealReceived, AppealDecided,
        WebhookCreated, WebhookUpdated, WebhookSecretRotated, WebhookEnabled, WebhookDisabled, WebhookTestSent, WebhookRedelivered,
        ExportRequested, ExportRequestedUnmasked, ExportGenerated, ExportDownloaded, ExportScheduleCreated, ExportScheduleRemoved, InspectionPackRequested,
        RetentionRuleChanged, RetentionPurged, LegalHoldPlaced, LegalHoldLifted, AccountClosed,
    ];
}
