namespace ComplianceConsole.Features.Registry;

/// <summary>A filing as it was after one change: what the number, algorithm, status and display place became, when and by whom.</summary>
public sealed class AlgorithmFilingChange
{
    public long Id { get; set; }
    public long AlgorithmFilingId { get; set; }
    public DateTime AtUtc { get; set; }
    public string ByName { get; set; } = "";
    public string FilingNumber { get; set; } = "";
    public string AlgorithmName { get; set; } = "";
    public FilingStatus Status { get; set; }
    public string DisplayedAt { get; set; } = "";
}
