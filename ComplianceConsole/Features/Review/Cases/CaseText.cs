using ComplianceConsole.Features.PlatformUsers;
using Microsoft.Extensions.Localization;
using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Review;

/// <summary>How the case page names reason codes and history steps in the reader's language.</summary>
public static class CaseText
{
    /// <summary>A reason's name and the article it answers to; an unknown code as it is.</summary>
    public static string Reason(IStringLocalizer<SharedResource> l, string? code) =>
        ReviewReasonCodes.Find(code) is { } reason ? l["Review.ReasonWithArticle", l[reason.NameKey], reason.Article] : code ?? Common.Display.Dash;

    /// <summary>A flag's reason in words: a label check's finding, a reason of the taxonomy, or (from the platform) the code as sent.</summary>
    public static string FlagReason(IStringLocalizer<SharedResource> l, string code) =>
        LabelCheckCodes.All.Contains(code) ? l[LabelCheckCodes.NameKey(code)]
        : code.StartsWith(Labels.LabelFileFlags.ReasonPrefix, StringComparison.Ordinal) ? l["LabelFile.FlagReason"]
        : ReviewReasonCodes.Find(code) is { } reason ? l[reason.NameKey] : code;

    public static string AppealReason(IStringLocalizer<SharedResource> l, string? code) =>
        Review.AppealReasons.Find(code) is { } reason ? l[reason.NameKey] : code ?? Common.Display.Dash;

    /// <summary>Where an appeal against a decision or sanction stands: awaiting a decision, or upheld or overturned and when.</summary>
    public static string Appeal(IStringLocalizer<SharedResource> l, AppealSummary appeal) =>
        appeal is { Outcome: { } outcome, DecidedAtUtc: { } at }
            ? l["Review.Appeal.Decided", l[$"AppealOutcome.{outcome}"], ChinaTime.Format(at)]
            : l["Review.Appeal.Pending"];

    /// <summary>What a history step's detail says: an outcome and reason, a sanction, a late answer, or its text as written.</summary>
    public static string? Detail(IStringLocalizer<SharedResource> l, CaseEventRow row) => row.Kind switch
    {
        ReviewCaseEventKind.Decided or ReviewCaseEventKind.Escalated when ReviewEventDetails.ReadDecided(row.Detail) is { } d =>
            $"{l[$"ReviewOutcome.{d.Outcome}"]} · {Reason(l, d.ReasonCode)}",
        ReviewCaseEventKind.Flagged when Enum.TryParse<FlagSource>(row.Detail, out var source) && Enum.IsDefined(source) => l[$"FlagSource.{source}"],
        ReviewCaseEventKind.AppealDecided when ReviewEventDetails.ReadAppealDecided(row.Detail) is { } a =>
            $"{l[$"AppealOutcome.{a.Outcome}"]} · {AppealReason(l, a.ReasonCode)}",
        ReviewCaseEventKind.Sanctioned or ReviewCaseEventKind.SanctionLifted when ReviewEventDetails.ReadSanctioned(row.Detail) is { } kind => l[$"SanctionKind.{kind}"],
        ReviewCaseEventKind.ComplaintAnswered when ReviewEventDetails.ReadComplaintAnswered(row.Detail) is { } answered =>
            answered.Late ? l["Review.Feedback.AnsweredLate", answered.FlagId] : l["Review.Feedback.AnsweredFor", answered.FlagId],
        _ => row.Detail,
    };
}
