namespace ComplianceConsole.Features.Review;

public sealed class ReviewOptions
{
    public const string Section = "ComplianceConsole:Review";

    /// <summary>How long a claim holds a case for its reviewer before the case returns to the queue.</summary>
    public int ClaimMinutes { get; set; } = 10;
}
