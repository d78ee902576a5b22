namespace ComplianceConsole.Features.Review;

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
