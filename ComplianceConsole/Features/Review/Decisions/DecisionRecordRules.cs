using ComplianceConsole.Common;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>Whether a decision may, or must, carry a record of one kind.</summary>
public enum RecordNeed { NotAllowed, Optional, Required }

/// <summary>
/// Which outcome needs which record, and what makes a decision's request complete: a reason of the right kind (a
/// violation for the violating outcomes, a non-violation for NoViolation), the Art. 11 refutation for RumourRefuted, the
/// Art. 10 report for ReportedToRegulator, sanctions only where something was found, and answers to complainants once
/// something is decided. Pure, so the page, the service and the tests all ask the same thing.
/// </summary>
public static class DecisionRecordRules
{
    /// <summary>How far ahead of the server's clock a typed time may be (a reviewer's watch running fast).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static bool IsViolation(DecisionOutcome outcome) =>
        outcome is DecisionOutcome.LabelRequired or DecisionOutcome.Removed or DecisionOutcome.RumourRefuted or DecisionOutcome.ReportedToRegulator;

    public static RecordNeed Sanction(DecisionOutcome outcome) => IsViolation(outcome) ? RecordNeed.Optional : RecordNeed.NotAllowed;

    public static RecordNeed Refutation(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.RumourRefuted => RecordNeed.Required,
        DecisionOutcome.Removed or DecisionOutcome.ReportedToRegulator => RecordNeed.Optional,
        _ => RecordNeed.NotAllowed,
    };

    public static RecordNeed Report(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ReportedToRegulator => RecordNeed.Required,
        DecisionOutcome.Removed or DecisionOutcome.RumourRefuted => RecordNeed.Optional,
        _ => RecordNeed.NotAllowed,
    };

    /// <summary>A complainant is told what was decided: not while a Manager has yet to decide.</summary>
    public static RecordNeed Feedback(DecisionOutcome outcome) => outcome == DecisionOutcome.Escalated ? RecordNeed.NotAllowed : RecordNeed.Optional;

    /// <summary>Outcomes a bulk decision may apply: those that need no record and name no person.</summary>
    public static bool AllowsBulk(DecisionOutcome outcome) =>
        outcome is DecisionOutcome.NoViolation or DecisionOutcome.LabelRequired or DecisionOutcome.Removed;

    /// <summary>The reasons an outcome may give: any for an escalation (what is suspected), else those of its kind.</summary>
    public static IEnumerable<ReviewReason> ReasonsFor(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Escalated => ReviewReasonCodes.All,
        DecisionOutcome.NoViolation => ReviewReasonCodes.All.Where(r => !r.IsViolation),
        _ => ReviewReasonCodes.Violations,
    };

    /// <summary>The outcome and its reason and note alone (what a bulk decision carries).</summary>
    /// <summary>Only what was removed or refuted may have its copies caught by a hash bank.</summary>
    public static bool CatchesCopies(DecisionOutcome outcome) => outcome is DecisionOutcome.Removed or DecisionOutcome.RumourRefuted;

    public static List<FieldError> CheckOutcome(DecisionOutcome outcome, string? reasonCode, string? note)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(outcome)) errors.Add(new("Outcome", "Review.Decide.OutcomeRequired"));
        else if (ReviewReasonCodes.Find(reasonCode) is not { } reason) errors.Add(new("ReasonCode", "Review.Decide.ReasonRequired"));
        else if (!ReasonsFor(outcome).Contains(reason)) errors.Add(new("ReasonCode", "Review.Decide.ReasonDoesNotFit"));
        if (outcome == DecisionOutcome.Escalated && string.IsNullOrWhiteSpace(note)) errors.Add(new("Note", "Review.Decide.EscalationNeedsNote"));
        if (note?.Trim().Length > ContentRules.MaxNoteLength) errors.Add(new("Note", "Review.TextTooLong", ContentRules.MaxNoteLength));
        return errors;
    }

    /// <summary>Everything wrong with a decision on a case with these complaints, at <paramref name="nowUtc"/>; empty when it may be saved.</summary>
    public static IReadOnlyList<FieldError> Check(ReviewDecisionRequest request, IReadOnlyList<ComplaintFlag> complaints, DateTime nowUtc)
    {
        var errors = CheckOutcome(request.Outcome, request.ReasonCode, request.Note);
        var outcome = request.Outcome;
        Need(errors, "Sanction", Sanction(outcome), request.Sanction is not null);
        Need(errors, "Refutation", Refutation(outcome), request.Refutation is not null);
        Need(errors, "Report", Report(outcome), request.Report is not null);
        Need(errors, "Feedback", Feedback(outcome), request.Feedback.Count > 0);
        if (request.Sanction is { } sanction) CheckSanction(errors, sanction, nowUtc);
        if (request.Refutation is { } refutation) CheckRefutation(errors, refutation, nowUtc);
        if (request.Report is { } report) CheckReport(errors, report, nowUtc);
        CheckFeedback(errors, request.Feedback, complaints, nowUtc);
        if (request.CatchCopiesBankId is not null && !CatchesCopies(outcome)) errors.Add(new("CatchCopies", "Review.CatchCopies.OnlyRemovedOrRefuted"));
        return errors;
    }

    /// <summary>When a sanction starts, ends and whether it is valid, checked on its own (also when a Manager imposes one later).</summary>
    public static void CheckSanction(List<FieldError> errors, SanctionRequest sanction, DateTime nowUtc)
    {
        if (!Enum.IsDefined(sanction.Kind)) errors.Add(new("Sanction.Kind", "Review.Sanction.KindRequired"));
        if (ReviewReasonCodes.Find(sanction.ReasonCode) is not { IsViolation: true }) errors.Add(new("Sanction.ReasonCode", "Review.Sanction.ReasonRequired"));
        var start = sanction.StartsAtUtc ?? nowUtc;
        if (sanction.Kind == SanctionKind.Suspension && sanction.EndsAtUtc is null) errors.Add(new("Sanction.EndsAtUtc", "Review.Sanction.SuspensionNeedsEnd"));
        // A restriction's missing end is no end only when asked for: an end the form could not read must not become "indefinite".
        if (sanction.Kind == SanctionKind.FunctionRestriction && sanction.EndsAtUtc is null && !sanction.UntilLifted)
            errors.Add(new("Sanction.EndsAtUtc", "Review.Sanction.RestrictionNeedsEnd"));
        if (sanction.UntilLifted && sanction.Kind != SanctionKind.FunctionRestriction) errors.Add(new("Sanction.EndsAtUtc", "Review.Sanction.UntilLiftedNotForKind"));
        else if (sanction.UntilLifted && sanction.EndsAtUtc is not null) errors.Add(new("Sanction.EndsAtUtc", "Review.Sanction.UntilLiftedWithEnd"));
        if (sanction.EndsAtUtc is { } end && end <= start) errors.Add(new("Sanction.EndsAtUtc", "Review.Sanction.EndBeforeStart"));
        if (sanction.Kind is SanctionKind.Warning or SanctionKind.AccountClosure && sanction.EndsAtUtc is not null)
            errors.Add(new("Sanction.EndsAtUtc", "Review.Sanction.NoEndForKind"));
        if (sanction.Note?.Trim().Length > ContentRules.MaxNoteLength) errors.Add(new("Sanction.Note", "Review.TextTooLong", ContentRules.MaxNoteLength));
    }

    private static void CheckRefutation(List<FieldError> errors, RumourRefutationRequest refutation, DateTime nowUtc)
    {
        Text(errors, "Refutation.FalseClaim", refutation.FalseClaim, ContentRules.MaxNoteLength);
        Text(errors, "Refutation.RefutingStatement", refutation.RefutingStatement, ContentRules.MaxNoteLength);
        Text(errors, "Refutation.PublishedWhere", refutation.PublishedWhere, ContentRules.MaxUrlLength);
        Past(errors, "Refutation.PublishedAtUtc", refutation.PublishedAtUtc, nowUtc);
    }

    private static void CheckReport(List<FieldError> errors, RegulatorReportRequest report, DateTime nowUtc)
    {
        Text(errors, "Report.Authority", report.Authority, 200);
        Text(errors, "Report.Reference", report.Reference, 200);
        Past(errors, "Report.ReportedAtUtc", report.ReportedAtUtc, nowUtc);
    }

    private static void CheckFeedback(List<FieldError> errors, IReadOnlyList<ComplaintFeedbackRequest> feedback, IReadOnlyList<ComplaintFlag> complaints, DateTime nowUtc)
    {
        foreach (var answer in feedback)
        {
            var field = $"Feedback[{answer.FlagId}]";
            var complaint = complaints.FirstOrDefault(c => c.FlagId == answer.FlagId);
            if (complaint is null) { errors.Add(new(field, "Review.Feedback.NotAComplaint")); continue; }
            if (complaint.Answered) errors.Add(new(field, "Review.Feedback.AlreadyAnswered"));
            if (feedback.Count(f => f.FlagId == answer.FlagId) > 1) errors.Add(new(field, "Review.Feedback.Twice"));
            Text(errors, field + ".Answer", answer.Answer, ContentRules.MaxNoteLength);
            if (answer.AnsweredAtUtc is { } at && at < complaint.ReceivedAtUtc) errors.Add(new(field + ".AnsweredAtUtc", "Review.Feedback.BeforeComplaint"));
            if (answer.AnsweredAtUtc is { } answered && answered > nowUtc + AllowedClockSkew) errors.Add(new(field + ".AnsweredAtUtc", "Review.TimeInFuture"));
        }
    }

    /// <summary>An answer given after the complaint's due time counts as late (Art. 12's "timely feedback").</summary>
    public static bool IsLate(DateTime answeredAtUtc, DateTime dueAtUtc) => answeredAtUtc > dueAtUtc;

    private static void Need(List<FieldError> errors, string field, RecordNeed need, bool present)
    {
        if (need == RecordNeed.Required && !present) errors.Add(new(field, $"Review.Decide.{field}Required"));
        if (need == RecordNeed.NotAllowed && present) errors.Add(new(field, $"Review.Decide.{field}NotAllowed"));
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, "Review.FieldRequired"));
        else if (value.Trim().Length > max) errors.Add(new(field, "Review.TextTooLong", max));
    }

    private static void Past(List<FieldError> errors, string field, DateTime? value, DateTime nowUtc)
    {
        if (value is null) errors.Add(new(field, "Review.FieldRequired"));
        else if (value > nowUtc + AllowedClockSkew) errors.Add(new(field, "Review.TimeInFuture"));
    }
}
