namespace ComplianceConsole.Features.Review;

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
