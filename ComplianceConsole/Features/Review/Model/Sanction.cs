using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>A measure against a platform user (Art. 10): from when, until when (a suspension), why, and who imposed it.</summary>
public sealed class Sanction
{
    public long Id { get; set; }
    public long PlatformUserId { get; set; }
    public SanctionKind Kind { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime? EndsAtUtc { get; set; }
    public string ReasonCode { get; set; } = "";
    public string? Note { get; set; }
    public long? ReviewCaseId { get; set; }
    public long? DecisionId { get; set; }
    public string? ImposedById { get; set; }
    public string ImposedByName { get; set; } = "";
    public DateTime ImposedAtUtc { get; set; }
    public DateTime? LiftedAtUtc { get; set; }
    public string? LiftedByName { get; set; }
    public string? LiftReason { get; set; }
}
