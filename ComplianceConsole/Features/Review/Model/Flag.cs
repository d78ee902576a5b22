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

    /// <summary>The hash bank whose entry the item's perceptual hash matched (a FeatureLibrary flag).</summary>
    public long? HashBankId { get; set; }

    /// <summary>The bank entry matched, as it was: an entry removed later still leaves the flag saying what it matched.</summary>
    public long? HashBankEntryId { get; set; }

    /// <summary>How many of the 256 bits differed between the item's hash and the entry's.</summary>
    public int? MatchDistance { get; set; }

    /// <summary>The case whose decision put the matched hash in the bank: a re-upload arrives linked to its refutation (Art. 11).</summary>
    public long? LinkedReviewCaseId { get; set; }

    /// <summary>Where the rule matched, e.g. the keyword as found, so a reviewer sees it without searching.</summary>
    public string? MatchedText { get; set; }

    /// <summary>A complainant's contact (PII): encrypted like verification identifiers, shown masked.</summary>
    public byte[]? ComplainantContactCipher { get; set; }

    /// <summary>The platform's id for this flag: a retried call never adds the same flag twice.</summary>
    public string? ExternalId { get; set; }

    public string RaisedBy { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }

    /// <summary>
    /// When the flag was handled: the first decision on its case after it came in that was not an escalation (an escalated case still
    /// waits for a Manager). Kept on the flag so time-limit compliance is counted from one index, never per flag from the decisions.
    /// </summary>
    public DateTime? HandledAtUtc { get; set; }
}
