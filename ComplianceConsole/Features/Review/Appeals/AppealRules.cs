using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>A submitted appeal that passed validation, trimmed, with the hash a retry is compared by.</summary>
internal sealed record ValidAppeal(string PlatformAppealId, string? ContentExternalId, long? SanctionId, string UserExternalId, string Statement, string RequestHash);

/// <summary>
/// What makes an appeal complete, and an appeal decision: pure, so the API, the page, the service and the tests ask the
/// same thing. Field errors name the JSON fields of the request. Text follows the content API's rules (no control
/// characters, line breaks allowed in the statement only).
/// </summary>
public static class AppealRules
{
    public const int MaxStatementLength = ContentRules.MaxReasonLength;

    internal static (ValidAppeal? Appeal, List<FieldError> Errors) Validate(AppealSubmission s)
    {
        var errors = new List<FieldError>();
        var id = ContentValidation.Identifier("platformAppealId", s.PlatformAppealId, ContentRules.MaxExternalIdLength, errors);
        var content = ContentValidation.Text("contentExternalId", s.ContentExternalId, ContentRules.MaxExternalIdLength, errors);
        if (s.SanctionId is <= 0) errors.Add(new("sanctionId", "Appeals.SanctionUnknown"));
        if (content is null && s.SanctionId is null && !errors.Any(e => e.Field == "contentExternalId"))
            errors.Add(new("contentExternalId", "Appeals.TargetRequired"));
        var user = ContentValidation.Identifier("userExternalId", s.UserExternalId, PlatformInput.MaxExternalIdLength, errors);
        var statement = ContentValidation.Text("statement", s.Statement, MaxStatementLength, errors, multiline: true);
        if (statement is null && !errors.Any(e => e.Field == "statement")) errors.Add(new("statement", "Validation.Required"));
        if (errors.Count > 0) return (null, errors);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', content ?? "", s.SanctionId?.ToString() ?? "", user, statement))));
        return (new ValidAppeal(id, content, s.SanctionId, user, statement!, hash), errors);
    }

    /// <summary>Everything wrong with an appeal decision; empty when it may be saved.</summary>
    public static List<FieldError> CheckDecision(AppealDecisionRequest request)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(request.Outcome)) errors.Add(new("Outcome", "Review.Appeal.OutcomeRequired"));
        else if (AppealReasons.Find(request.ReasonCode) is not { } reason) errors.Add(new("ReasonCode", "Review.Decide.ReasonRequired"));
        else if (reason.Outcome != request.Outcome) errors.Add(new("ReasonCode", "Review.Decide.ReasonDoesNotFit"));
        if (string.IsNullOrWhiteSpace(request.Note)) errors.Add(new("Note", "Review.Appeal.NoteRequired"));
        else if (request.Note.Trim().Length > ContentRules.MaxNoteLength) errors.Add(new("Note", "Review.TextTooLong", ContentRules.MaxNoteLength));
        return errors;
    }

    /// <summary>Only a violation can be appealed: a decision that found none, or an escalation, has nothing to appeal.</summary>
    public static bool IsAppealable(DecisionOutcome outcome) => DecisionRecordRules.IsViolation(outcome);
}

/// <summary>An appeal decision: the outcome, a reason of that outcome, and a note the history keeps.</summary>
public sealed record AppealDecisionRequest(AppealOutcome Outcome, string? ReasonCode, string? Note);
