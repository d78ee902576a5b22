using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

/// <summary>Everything the case page shows: the case, its content, flags, the author's history and the case history.</summary>
public sealed record ReviewCaseDetail(CaseHeader Case, CaseContent Content, CaseAuthor Author, IReadOnlyList<CaseFlag> Flags,
    CaseDecision? Decision, IReadOnlyList<CaseRecord> Records, IReadOnlyList<AuthorDecision> AuthorDecisions,
    IReadOnlyList<SanctionRow> AuthorSanctions, IReadOnlyList<CaseEventRow> History, IReadOnlyList<CaseAppeal> Appeals,
    IReadOnlyList<CaseDecision> EarlierDecisions)
{
    /// <summary>The appeal waiting for a decision: while there is one, the case's own decision waits for it.</summary>
    public CaseAppeal? OpenAppeal => Appeals.FirstOrDefault(a => a.State == AppealState.Open);

    /// <summary>The complaints not answered yet: each may get its answer within the decision.</summary>
    public IEnumerable<CaseFlag> UnansweredComplaints => Flags.Where(f => f.Source == FlagSource.UserComplaint && f.Feedback is null);

    /// <summary>The item's perceptual hashes, the banks holding them, and the block banks a decision may add them to.</summary>
    public CaseHashes Hashes { get; init; } = CaseHashes.None;
}

public sealed record CaseHashes(IReadOnlyList<CaseItemHash> ItemHashes, IReadOnlyList<HashBanks.BankChoice> Banks, IReadOnlyList<string> InBanks)
{
    public static readonly CaseHashes None = new([], [], []);
}

public sealed record CaseItemHash(string Hash, int? Quality, PerceptualHashOrigin Origin, int? FrameAtMs);

public sealed record CaseHeader(long Id, int Version, ReviewCaseState State, DateTime OpenedAtUtc, DateTime DueAtUtc, int Priority,
    string? ClaimedById, string? ClaimedByName, DateTime? ClaimExpiresAtUtc, string? AssignedToName, DateTime? DecidedAtUtc);

public sealed record CaseContent(string ExternalId, MediaType MediaType, SynthesisCategory Category, string? Excerpt, string? MediaUrl,
    string? ContentHash, bool DeclaredAiGenerated, LabelStatus ExplicitLabel, LabelStatus ImplicitLabel, AigcLabel? AigcLabel,
    string? ContentProducer, string? ProduceId, string? ContentPropagator, string? PropagateId, string? ReservedCode1, string? ReservedCode2,
    DateTime? PublishedAtUtc, DateTime ReceivedAtUtc);

public sealed record CaseAuthor(long Id, string ExternalId, string DisplayName, PlatformUserKind Kind, LatestVerification? Verification);

public sealed record CaseFlag(long Id, FlagSource Source, string? ReasonCode, string? ReasonText, string? MatchedText, string RaisedBy,
    DateTime ReceivedAtUtc, DateTime DueAtUtc, string? MaskedContact, CaseFeedback? Feedback)
{
    /// <summary>For a hash bank's match: how many of the 256 bits differed, and the case that put the matched hash in the bank.</summary>
    public int? MatchDistance { get; init; }

    public long? LinkedCaseId { get; init; }
}

public sealed record CaseFeedback(string Answer, DateTime AnsweredAtUtc, bool IsLate, string RecordedByName);

public sealed record CaseDecision(DecisionOutcome Outcome, string ReasonCode, string? Note, string DecidedByName, DateTime DecidedAtUtc);

/// <summary>A rumour refutation or regulator report of the case, as two labelled lines.</summary>
public sealed record CaseRecord(ReviewCaseEventKind Kind, string Summary, string Detail, DateTime AtUtc, string RecordedByName);

public sealed record AuthorDecision(long CaseId, string ContentExternalId, DecisionOutcome Outcome, string ReasonCode, string DecidedByName, DateTime DecidedAtUtc,
    AppealSummary? Appeal);

public sealed record SanctionRow(long Id, SanctionKind Kind, string ReasonCode, string? Note, DateTime StartsAtUtc, DateTime? EndsAtUtc,
    string ImposedByName, DateTime ImposedAtUtc, long? ReviewCaseId, DateTime? LiftedAtUtc, string? LiftedByName, string? LiftReason, bool IsActive,
    AppealSummary? Appeal);

/// <summary>Where an appeal against a decision stands, shown beside the decision and its sanctions.</summary>
public sealed record AppealSummary(AppealState State, AppealOutcome? Outcome, DateTime? DecidedAtUtc);

/// <summary>An appeal against one of the case's decisions: the user's statement, the decision appealed and, once decided, the outcome.</summary>
public sealed record CaseAppeal(long Id, string PlatformAppealId, AppealState State, string Statement, string UserExternalId, long? SanctionId,
    DateTime ReceivedAtUtc, DateTime DueAtUtc, DecisionOutcome AppealedOutcome, string AppealedReasonCode, string AppealedByName, string? AppealedById,
    DateTime AppealedAtUtc, AppealOutcome? Outcome, string? ReasonCode, string? Note, string? DecidedByName, DateTime? DecidedAtUtc);

public sealed record CaseEventRow(ReviewCaseEventKind Kind, DateTime AtUtc, string ActorName, string? Detail);
