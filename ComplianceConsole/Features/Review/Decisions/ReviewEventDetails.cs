using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The <see cref="ReviewCaseEvent.Detail"/> of the steps a decision writes: codes separated by a space (outcome and reason,
/// a sanction's kind) that the case page names in the reader's language; free text (a reopen's reason) is kept as typed.
/// </summary>
public static class ReviewEventDetails
{
    public static string Decided(DecisionOutcome outcome, string reasonCode) => $"{outcome} {reasonCode}";

    public static string Sanctioned(SanctionKind kind) => kind.ToString();

    public static string ComplaintAnswered(long flagId, bool late) => late ? $"{flagId} late" : flagId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The outcome and reason a Decided or Escalated step names; null for a detail of another shape.</summary>
    public static (DecisionOutcome Outcome, string ReasonCode)? ReadDecided(string? detail)
    {
        var parts = (detail ?? "").Split(' ', 2);
        return parts.Length == 2 && Enum.TryParse<DecisionOutcome>(parts[0], out var outcome) ? (outcome, parts[1]) : null;
    }

    public static string AppealDecided(AppealOutcome outcome, string reasonCode) => $"{outcome} {reasonCode}";

    /// <summary>A sanction's lift reason when an appeal overturned its decision: the platform's appeal id and the note.</summary>
    public static string LiftedOnAppeal(string platformAppealId, string? note)
    {
        var reason = $"appeal {platformAppealId}: {note}";
        return reason.Length <= ContentRules.MaxNoteLength ? reason : reason[..ContentRules.MaxNoteLength];
    }

    public static (AppealOutcome Outcome, string ReasonCode)? ReadAppealDecided(string? detail)
    {
        var parts = (detail ?? "").Split(' ', 2);
        return parts.Length == 2 && Enum.TryParse<AppealOutcome>(parts[0], out var outcome) ? (outcome, parts[1]) : null;
    }

    public static SanctionKind? ReadSanctioned(string? detail) => Enum.TryParse<SanctionKind>(detail, out var kind) ? kind : null;

    public static (long FlagId, bool Late)? ReadComplaintAnswered(string? detail)
    {
        var parts = (detail ?? "").Split(' ', 2);
        return long.TryParse(parts[0], out var flagId) ? (flagId, parts.Length == 2 && parts[1] == "late") : null;
    }
}
