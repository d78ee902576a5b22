using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Retention;

/// <summary>
/// The defaults and limits of the retention rules. PIPL Art. 19 and 47: personal information is kept no longer than its
/// purpose needs; Cybersecurity Law Art. 21: network logs at least six months, so audit events never go sooner.
/// </summary>
public static class RetentionRules
{
    /// <summary>Six calendar months at their longest (July to December), so no reading of "six months" is cut short.</summary>
    public const int MinimumAuditDays = 184;

    public const int MaxDays = 36_500;

    /// <summary>Rows removed or anonymised per transaction: never a whole table in memory, never a long write lock.</summary>
    public const int BatchSize = 500;

    /// <summary>The days each kind is kept until a Manager changes it (README: Retention).</summary>
    public static int DefaultDays(RetentionKind kind) => kind switch
    {
        RetentionKind.VerificationRecords => 365,
        RetentionKind.ContentItems => 365,
        RetentionKind.ComplainantContacts => 180,
        RetentionKind.Consents => 1_095,
        RetentionKind.JobFiles => 90,
        RetentionKind.WebhookDeliveries => 30,
        RetentionKind.AuditEvents => 1_095,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static int MinimumDays(RetentionKind kind) => kind == RetentionKind.AuditEvents ? MinimumAuditDays : 1;

    /// <summary>Whether a legal hold on a user or case keeps records of this kind (audit events, job files and webhooks name no one's data).</summary>
    public static bool HoldApplies(RetentionKind kind) =>
        kind is RetentionKind.VerificationRecords or RetentionKind.ContentItems or RetentionKind.ComplainantContacts or RetentionKind.Consents;

    public static IReadOnlyList<FieldError> Validate(RetentionKind kind, int days)
    {
        if (!Enum.IsDefined(kind)) return [new("Kind", "Retention.UnknownKind")];
        if (days < MinimumDays(kind) || days > MaxDays)
        {
            return [new("Days", kind == RetentionKind.AuditEvents ? "Retention.AuditMinimum" : "Retention.DaysOutOfRange", MinimumDays(kind), MaxDays)];
        }
        return [];
    }
}
