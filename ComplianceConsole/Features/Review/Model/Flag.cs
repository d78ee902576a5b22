namespace ComplianceConsole.Features.Review;

/// <summary>Who raised a flag. <see cref="Appeal"/> is a platform user's appeal against a decision (Art. 12), raised through the appeals API only.</summary>
public enum FlagSource { FeatureLibrary = 1, UserComplaint = 2, LabelCheck = 3, RegulatorNotice = 4, Staff = 5, Appeal = 6 }

/// <summary>Why an item is in the review queue. Each flag has its own due time, from its source's time limit.</summary>
public sealed class Flag
{
    public long Id { get; set; }
    public long ReviewCaseId { get; set; }
    public long ContentItemId { get; set; }
    public FlagSource Source { get; set; }

    /// <summary>A reason code of ours (<see cref="ReviewReasonCodes"/>, label checks, a rule's code) when the console raised it.</summary>
    public string? ReasonCode { get; set; }

    /// <summary>The reason in the words of whoever raised it (a complaint's text, a regulator's notice).</summary>
    public string? ReasonText { get; set; }

    public long? FeatureRuleId { get; set; }

    /// <summary>Where the rule matched, e.g. the keyword as found, so a reviewer sees it without searching.</summary>
    public string? MatchedText { get; set; }

    /// <summary>A complainant's contact (PII): encrypted like verification identifiers, shown masked.</summary>
    public byte[]? ComplainantContactCipher { get; set; }

    /// <summary>The platform's id for this flag: a retried call never adds the same flag twice.</summary>
    public string? ExternalId { get; set; }

    public string RaisedBy { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
}
