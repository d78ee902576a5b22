namespace ComplianceConsole.Features.Review;

public enum ReviewCaseEventKind
{
    Flagged = 1, Claimed = 2, Released = 3, ClaimExpired = 4, Assigned = 5, Decided = 6, Escalated = 7,
    Sanctioned = 8, RumourRefuted = 9, ReportedToRegulator = 10, ComplaintAnswered = 11, Reopened = 12, AppealDecided = 13, SanctionLifted = 14,

    /// <summary>An internal note from one member of staff to the others; its text is the detail.</summary>
    Note = 15,

    /// <summary>The decision put the item's perceptual hashes into a hash bank; the bank's name is the detail.</summary>
    AddedToHashBank = 16,
}

/// <summary>One step in a case's history: who did what and when. The SLA reports are built from these times.</summary>
public sealed class ReviewCaseEvent
{
    public long Id { get; set; }
    public long ReviewCaseId { get; set; }
    public DateTime AtUtc { get; set; }
    public ReviewCaseEventKind Kind { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>What a reader needs beside the kind: an outcome and reason, a flag's source, a reopen's reason.</summary>
    public string? Detail { get; set; }
}
