namespace ComplianceConsole.Features.Exports;

/// <summary>
/// The spreadsheets a Manager can export. The names are stored in the export history and shown localised as
/// <c>ExportKind.{Name}</c>; never rename one.
/// </summary>
public enum ExportKind
{
    VerificationLedger,
    ContentHandlingRecords,
    SanctionsRegister,
    RumourRefutations,
    ComplaintsRegister,
    ComplianceSummary,
    StaffAuditLog,
    AppealRates,
    ComplianceRegistry,
    Appeals,
    RegulatorNotices,
    Labels,
    FeatureLibraryChanges,
    FilingHistory,
    RetentionLog,
}
