using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Retention;

public enum LegalHoldTarget { PlatformUser = 1, ReviewCase = 2 }

/// <summary>
/// A Manager's order that nothing of one platform user or one review case is purged (a dispute, an inspection, a court
/// order) until it is lifted. Lifted holds stay listed with who lifted them and why.
/// </summary>
public sealed class LegalHold
{
    public long Id { get; set; }
    public LegalHoldTarget Target { get; set; }

    /// <summary>The platform user's or the review case's id.</summary>
    public long TargetId { get; set; }

    /// <summary>How people name the target: the platform's user id, or the case number.</summary>
    public string TargetLabel { get; set; } = "";

    public string Reason { get; set; } = "";
    public DateTime PlacedAtUtc { get; set; }
    public string PlacedByName { get; set; } = "";
    public DateTime? LiftedAtUtc { get; set; }
    public string? LiftedByName { get; set; }
    public string? LiftReason { get; set; }
    public int Version { get; set; }
}
