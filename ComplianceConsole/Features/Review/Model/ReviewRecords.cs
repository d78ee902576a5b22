namespace ComplianceConsole.Features.Review;

/// <summary>Art. 11: what was false, the refuting statement, and where and when it was published.</summary>
public sealed class RumourRefutation
{
    public long Id { get; set; }
    public long ReviewCaseId { get; set; }
    public long DecisionId { get; set; }
    public string FalseClaim { get; set; } = "";
    public string RefutingStatement { get; set; } = "";
    public string PublishedWhere { get; set; } = "";
    public DateTime PublishedAtUtc { get; set; }
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>Art. 10: a report of the content to the competent authority.</summary>
public sealed class RegulatorReport
{
    public long Id { get; set; }
    public long ReviewCaseId { get; set; }
    public long DecisionId { get; set; }
    public string Authority { get; set; } = "";
    public DateTime ReportedAtUtc { get; set; }
    public string Reference { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>Art. 12: the answer given to one complainant, and whether it came after the complaint's due time.</summary>
public sealed class ComplaintFeedback
{
    public long Id { get; set; }
    public long FlagId { get; set; }
    public long ReviewCaseId { get; set; }
    public long? DecisionId { get; set; }
    public string Answer { get; set; } = "";
    public DateTime AnsweredAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public bool IsLate { get; set; }
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}
