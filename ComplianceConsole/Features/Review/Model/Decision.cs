namespace ComplianceConsole.Features.Review;

public enum DecisionOutcome { NoViolation = 1, LabelRequired = 2, Removed = 3, RumourRefuted = 4, Escalated = 5, ReportedToRegulator = 6 }

/// <summary>A reviewer's decision on a case. Never changed: a reopened case keeps it in its history and gets a new one.</summary>
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
}
