namespace ComplianceConsole.Features.Registry;

/// <summary>An algorithm filing (Art. 19): its number, the algorithm, the provider's role, when filed, and where the number is shown.</summary>
public sealed class AlgorithmFiling
{
    public long Id { get; set; }
    public string FilingNumber { get; set; } = "";
    public string AlgorithmName { get; set; } = "";
    public FilingRole Role { get; set; }
    public DateOnly FiledOn { get; set; }
    public FilingStatus Status { get; set; }

    /// <summary>Where the number is displayed to users (Art. 19 asks for it to be shown), e.g. "App › 关于 › 算法备案".</summary>
    public string DisplayedAt { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
