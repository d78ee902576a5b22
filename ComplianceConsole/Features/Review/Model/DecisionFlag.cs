namespace ComplianceConsole.Features.Review;

/// <summary>One flag a decision answered, with its source, receipt and due time as they were when it was decided.</summary>
public sealed class DecisionFlag
{
    public long Id { get; set; }
    public long DecisionId { get; set; }
    public long FlagId { get; set; }
    public FlagSource Source { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
}
