using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// An appeal as the platform sends it: its own id, what is appealed (the content whose decision it was, the sanction,
/// or both), who appeals (the content's author, the sanctioned user) and why, in their words.
/// </summary>
public sealed record AppealSubmission(string? PlatformAppealId, string? ContentExternalId, long? SanctionId, string? UserExternalId, string? Statement);

/// <summary>Created: a new appeal. Existing: the same appeal sent again. The others are refusals the caller must fix.</summary>
public enum AppealSubmitOutcome { Created, Existing, Invalid, IdReused, AlreadyAppealed }

public sealed record AppealSubmitResult(AppealSubmitOutcome Outcome, AppealView? Appeal, IReadOnlyList<FieldError> Errors)
{
    public static AppealSubmitResult Invalid(params FieldError[] errors) => new(AppealSubmitOutcome.Invalid, null, errors);
}

/// <summary>An appeal as the platform reads it back: its state and, once decided, the outcome and its reason.</summary>
public sealed record AppealView(string PlatformAppealId, AppealState State, string ContentExternalId, long? SanctionId,
    DecisionOutcome AppealedOutcome, string AppealedReasonCode, DateTime AppealedDecidedAtUtc, DateTime ReceivedAtUtc, DateTime DueAtUtc,
    AppealOutcome? Outcome, string? ReasonCode, DateTime? DecidedAtUtc);
