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
