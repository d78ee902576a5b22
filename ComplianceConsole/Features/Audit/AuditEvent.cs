namespace ComplianceConsole.Features.Audit;

/// <summary>
/// One staff, system or API action. Append-only: each row carries the keyed hash of the row before it, so an
/// altered or removed row breaks the chain from that point on, and signed checkpoints catch a cut-off end.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Position in the chain, 1 for the first event; gapless.</summary>
    public long Sequence { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    /// <summary>Staff user id, or null for the system and API keys.</summary>
    public string? ActorId { get; set; }

    /// <summary>Who acted as shown to people: a staff e-mail, "system", or "api:KEY NAME".</summary>
    public string ActorName { get; set; } = "";

    /// <summary>A code from <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    public string? TargetType { get; set; }
    public string? TargetId { get; set; }

    /// <summary>What changed or why, as compact JSON.</summary>
    public string? Details { get; set; }

    public string? IpAddress { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>
    /// The id its writer gave it (<see cref="PendingAuditEvent.EntryId"/>), unique: an event waiting to be chained is chained once.
    /// Empty on events written before the chain was written behind its writers.
    /// </summary>
    public Guid? EntryId { get; set; }

    /// <summary>Keyed for every event written since the chain was keyed; plain SHA-256 only for older ones.</summary>
    public AuditHashKind HashKind { get; set; }
}
