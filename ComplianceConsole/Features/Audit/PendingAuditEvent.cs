namespace ComplianceConsole.Features.Audit;

/// <summary>
/// An audit event committed with its transaction on PostgreSQL and waiting, a moment, for <see cref="AuditChain"/> to give it
/// its place in the chain: writers never wait on each other for the chain's head. The row is sealed with the audit key over
/// its content and its <see cref="EntryId"/>, so a row written or altered by someone without the key is never chained, and a
/// copy of one already chained is refused by the chain's unique entry id.
/// </summary>
public sealed class PendingAuditEvent
{
    /// <summary>Chosen by the writer (time-ordered), sealed, and kept on the chained event: it is chained once.</summary>
    public Guid EntryId { get; set; }

    public DateTime OccurredAtUtc { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>HMAC with the audit key over everything above.</summary>
    public string Seal { get; set; } = "";
}
