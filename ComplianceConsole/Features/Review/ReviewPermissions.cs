namespace ComplianceConsole.Features.Review;

public static class ReviewPermissions
{
    /// <summary>See the queue, cases, their content and history.</summary>
    public const string Read = "Review.Read";

    /// <summary>Claim cases and decide them, with the sanctions and records a decision carries.</summary>
    public const string Decide = "Review.Decide";

    /// <summary>
    /// Decide many cases at once (a selection, or every open case matching a filter), as a job. Managers by default: a bulk decision
    /// closes cases nobody opened, so it is a supervisor's act.
    /// </summary>
    public const string BulkDecide = "Review.BulkDecide";

    /// <summary>Assign a case to a named reviewer; decide escalated cases; reopen a decision.</summary>
    public const string Supervise = "Review.Supervise";

    /// <summary>Keep the feature library, the time limits per source and the working-day calendar.</summary>
    public const string Configure = "Review.Configure";

    /// <summary>The platform submits content items and flags (an API key scope).</summary>
    public const string SubmitContent = "Content.Submit";

    /// <summary>The platform reads an item's case state, decision and its author's sanctions (an API key scope).</summary>
    public const string ReadContent = "Content.Read";

    /// <summary>The platform submits its users' appeals against decisions and reads how they were decided (an API key scope).</summary>
    public const string SubmitAppeal = "Appeals.Submit";
}
