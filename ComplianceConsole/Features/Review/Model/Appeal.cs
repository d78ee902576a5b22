namespace ComplianceConsole.Features.Review;

public enum AppealState { Open = 1, Decided = 2 }

/// <summary>Upheld: the appealed decision stands. Overturned: it was wrong, and the sanctions it imposed are lifted.</summary>
public enum AppealOutcome { Upheld = 1, Overturned = 2 }

/// <summary>
/// A platform user's appeal against a review decision (Art. 12), and how it was decided. It is queue work of its own
/// flag (<see cref="FlagSource.Appeal"/>) on the decision's case; the decision itself is never changed.
/// </summary>
public sealed class Appeal
{
    public long Id { get; set; }

    /// <summary>The platform's id for the appeal: a retried call finds the appeal it made before.</summary>
    public string PlatformAppealId { get; set; } = "";

    /// <summary>A hash of what the platform sent, so a retry with the same id but other content is told apart from a plain retry.</summary>
    public string RequestHash { get; set; } = "";

    public long ReviewCaseId { get; set; }
    public long ContentItemId { get; set; }
    public long DecisionId { get; set; }

    /// <summary>The sanction the platform named, when it appealed one; an overturn lifts every sanction of the decision.</summary>
    public long? SanctionId { get; set; }

    public long PlatformUserId { get; set; }
    public long FlagId { get; set; }
    public string Statement { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public string ReceivedBy { get; set; } = "";

    public AppealState State { get; set; }
    public AppealOutcome? Outcome { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
}
