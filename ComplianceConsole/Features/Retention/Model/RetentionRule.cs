namespace ComplianceConsole.Features.Retention;

/// <summary>
/// A kind of record the purge looks after, each with its own clock: what starts it is in <see cref="RetentionRules"/>.
/// Stored by name in rules and audit events; never rename one.
/// </summary>
public enum RetentionKind
{
    VerificationRecords = 1,
    ContentItems = 2,
    ComplainantContacts = 3,
    Consents = 4,
    JobFiles = 5,
    WebhookDeliveries = 6,
    AuditEvents = 7,
}

/// <summary>How many days one kind of record is kept once its clock starts; a kind with no row keeps its default.</summary>
public sealed class RetentionRule
{
    public RetentionKind Kind { get; set; }
    public int Days { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
