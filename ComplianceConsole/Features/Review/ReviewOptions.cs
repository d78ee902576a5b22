namespace ComplianceConsole.Features.Review;

public sealed class ReviewOptions
{
    public const string Section = "ComplianceConsole:Review";

    /// <summary>How long a claim holds a case for its reviewer before the case returns to the queue.</summary>
    public int ClaimMinutes { get; set; } = 10;

    /// <summary>How long before a claim lapses its holder is warned on the case page.</summary>
    public int ClaimWarningMinutes { get; set; } = 2;

    /// <summary>
    /// The open case page keeps its holder's claim alive while they have pressed a key, clicked or typed within this many
    /// minutes; a reviewer away longer is warned, then the case returns to the queue (their draft is kept).
    /// </summary>
    public int ClaimIdleMinutes { get; set; } = 5;

    /// <summary>
    /// Whether this instance runs the search indexer (<see cref="ContentSearchKeeper"/>). Several instances may all run it (one
    /// pass at a time); turning it off on some keeps their cores for the platform's calls, as long as one instance runs it.
    /// </summary>
    public bool SearchIndexer { get; set; } = true;
}
