using System.Text.Json.Serialization;
using ComplianceConsole.Common;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Review;

/// <summary>What the decision form holds while a reviewer fills it in; times as typed, in China Standard Time.</summary>
public sealed class DecisionForm
{
    public DecisionOutcome? Outcome { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }

    public bool WithSanction { get; set; }
    public SanctionKind SanctionKind { get; set; } = SanctionKind.Warning;
    public string? SanctionReasonCode { get; set; }
    public DateTime? SanctionEndsAt { get; set; }

    /// <summary>A function restriction deliberately without an end (the reviewer ticked it); an empty end alone is refused.</summary>
    public bool SanctionUntilLifted { get; set; }

    public bool WithRefutation { get; set; }
    public string? FalseClaim { get; set; }
    public string? RefutingStatement { get; set; }
    public string? PublishedWhere { get; set; }
    public DateTime? PublishedAt { get; set; }

    public bool WithReport { get; set; }
    public string? Authority { get; set; }
    public DateTime? ReportedAt { get; set; }
    public string? Reference { get; set; }

    /// <summary>One answer per unanswered complaint, by flag id; an empty answer is not sent.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<long, FeedbackForm> Feedback { get; } = [];

    /// <summary>The block bank the item's hashes join with a Removed or RumourRefuted decision; none by default.</summary>
    public long? CatchCopiesBankId { get; set; }

    /// <summary>Nothing chosen or typed yet: no draft to keep.</summary>
    [JsonIgnore]
    public bool IsEmpty => Outcome is null && string.IsNullOrEmpty(ReasonCode) && string.IsNullOrWhiteSpace(Note)
        && Feedback.Values.All(f => string.IsNullOrWhiteSpace(f.Answer) && f.AnsweredAt is null);
    /// <summary>The time fields whose text cannot be read: while any can't, nothing is sent (each field says why).</summary>
    [JsonIgnore]
    public UnreadableFields Unreadable { get; } = new();

    public ReviewDecisionRequest? ToRequest()
    {
        if (Outcome is not { } outcome || Unreadable.Any) return null;
        bool Shown(RecordNeed need, bool chosen) => need == RecordNeed.Required || (need == RecordNeed.Optional && chosen);
        return new ReviewDecisionRequest(outcome, ReasonCode, Note)
        {
            Sanction = Shown(DecisionRecordRules.Sanction(outcome), WithSanction)
                ? new SanctionRequest(SanctionKind, SanctionReasonCode ?? (ReviewReasonCodes.Find(ReasonCode)?.IsViolation == true ? ReasonCode : null), null, Utc(SanctionEndsAt),
                    UntilLifted: SanctionKind == SanctionKind.FunctionRestriction && SanctionUntilLifted)
                : null,
            Refutation = Shown(DecisionRecordRules.Refutation(outcome), WithRefutation)
                ? new RumourRefutationRequest(FalseClaim, RefutingStatement, PublishedWhere, Utc(PublishedAt))
                : null,
            Report = Shown(DecisionRecordRules.Report(outcome), WithReport) ? new RegulatorReportRequest(Authority, Utc(ReportedAt), Reference) : null,
            Feedback = DecisionRecordRules.Feedback(outcome) == RecordNeed.NotAllowed ? []
                : Feedback.Where(f => !string.IsNullOrWhiteSpace(f.Value.Answer))
                    .Select(f => new ComplaintFeedbackRequest(f.Key, f.Value.Answer, Utc(f.Value.AnsweredAt))).ToList(),
            CatchCopiesBankId = DecisionRecordRules.CatchesCopies(outcome) ? CatchCopiesBankId : null,
        };
    }

    private static DateTime? Utc(DateTime? chinaTime) => chinaTime is { } t ? ChinaTime.ToUtc(t) : null;
}

public sealed class FeedbackForm
{
    public string? Answer { get; set; }

    /// <summary>Empty means "now" when the decision is saved.</summary>
    public DateTime? AnsweredAt { get; set; }
}
