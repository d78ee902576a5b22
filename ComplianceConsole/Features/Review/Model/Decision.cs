namespace ComplianceConsole.Features.Review;

public enum DecisionOutcome { NoViolation = 1, LabelRequired = 2, Removed = 3, RumourRefuted = 4, Escalated = 5, ReportedToRegulator = 6 }

/// <summary>
/// A reviewer's decision on a case. Never changed: a reopened case keeps it in its history and gets a new one. It keeps the
/// content as it stood when decided (category, media type, labels, GB 45438 fields) and the flags it answered
/// (<see cref="DecisionFlag"/>): the platform re-sending the item, or a later flag, never rewrites a past decision's record.
/// </summary>
public sealed class Decision
{
    public long Id { get; set; }
    public long ReviewCaseId { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public string ReasonCode { get; set; } = "";
    public string? Note { get; set; }
    public string? DecidedById { get; set; }
    public string DecidedByName { get; set; } = "";
    public DateTime DecidedAtUtc { get; set; }

    /// <summary>The case's flag sources when it was decided (<see cref="ReviewCase.SourceMask"/>), so the list of decisions filters by source from its own index.</summary>
    public int SourceMask { get; set; }

    /// <summary>The escalation this decision settles: a Manager's decision on an escalated case names it.</summary>
    public long? FollowsDecisionId { get; set; }

    public MediaType MediaType { get; set; }
    public SynthesisCategory Category { get; set; }
    public LabelStatus ExplicitLabel { get; set; }
    public LabelStatus ImplicitLabel { get; set; }
    public AigcLabel? AigcLabel { get; set; }
    public string? ContentProducer { get; set; }
    public string? ProduceId { get; set; }
    public string? ContentPropagator { get; set; }
    public string? PropagateId { get; set; }
    public string? ReservedCode1 { get; set; }
    public string? ReservedCode2 { get; set; }
}
