namespace ComplianceConsole.Features.Review;

public enum TimeLimitUnit { Hours = 1, WorkingDays = 2 }

/// <summary>How long a flag of one source may wait for a decision (Art. 12's published time limits).</summary>
public sealed class SourceTimeLimit
{
    public FlagSource Source { get; set; }
    public int Amount { get; set; }
    public TimeLimitUnit Unit { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
