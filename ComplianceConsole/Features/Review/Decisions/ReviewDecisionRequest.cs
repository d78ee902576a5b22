using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>A reviewer's decision on a case with the records it carries; each record is optional unless the outcome needs it.</summary>
public sealed record ReviewDecisionRequest(DecisionOutcome Outcome, string? ReasonCode, string? Note)
{
    public SanctionRequest? Sanction { get; init; }
    public RumourRefutationRequest? Refutation { get; init; }
    public RegulatorReportRequest? Report { get; init; }
    public IReadOnlyList<ComplaintFeedbackRequest> Feedback { get; init; } = [];

    /// <summary>"Catch copies of this": the block bank the item's perceptual hashes join with the decision (Removed or RumourRefuted only).</summary>
    public long? CatchCopiesBankId { get; init; }
}

/// <summary>
/// A sanction on the content's author, imposed within the decision. No start means now. A function restriction or a suspension
/// ends at <paramref name="EndsAtUtc"/>; only a function restriction may instead last until it is lifted, and only when the
/// request says so (<paramref name="UntilLifted"/>): an end that is merely missing is refused, never stored as indefinite.
/// </summary>
public sealed record SanctionRequest(SanctionKind Kind, string? ReasonCode, DateTime? StartsAtUtc, DateTime? EndsAtUtc, string? Note = null, bool UntilLifted = false);

public sealed record RumourRefutationRequest(string? FalseClaim, string? RefutingStatement, string? PublishedWhere, DateTime? PublishedAtUtc);

public sealed record RegulatorReportRequest(string? Authority, DateTime? ReportedAtUtc, string? Reference);

/// <summary>The answer to the complainant of one complaint flag. No answer time means now.</summary>
public sealed record ComplaintFeedbackRequest(long FlagId, string? Answer, DateTime? AnsweredAtUtc);

/// <summary>A complaint flag of the case as the rules see it: when it came in, when it is due, and whether it was answered already.</summary>
public sealed record ComplaintFlag(long FlagId, DateTime ReceivedAtUtc, DateTime DueAtUtc, bool Answered);
