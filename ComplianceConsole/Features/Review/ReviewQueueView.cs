namespace ComplianceConsole.Features.Review;

public enum ReviewQueueViewKind { All, Source, Category, Label, DueSoon, Overdue, Escalated, Mine }

/// <summary>
/// One view of the queue, chosen from the list the queue page offers: one dimension at a time, each served by its own
/// index (<see cref="ReviewQueueIndexes"/>), always in queue order (due time, then priority).
/// </summary>
public sealed record ReviewQueueView(ReviewQueueViewKind Kind = ReviewQueueViewKind.All, FlagSource? Source = null,
    SynthesisCategory? Category = null, LabelStatus? Label = null)
{
    public static readonly ReviewQueueView All = new();

    /// <summary>"Due soon" means due within this long.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(24);

    /// <summary>The state of the cases this view lists: escalated cases wait for a Manager in their own view.</summary>
    public ReviewCaseState State => Kind == ReviewQueueViewKind.Escalated ? ReviewCaseState.Escalated : ReviewCaseState.Open;

    /// <summary>The cases of this view, as a reviewer (<paramref name="staffId"/>) sees it at <paramref name="nowUtc"/>.</summary>
    public IQueryable<ReviewCase> Apply(IQueryable<ReviewCase> cases, string? staffId, DateTime nowUtc)
    {
        var state = State;
        var listed = Kind == ReviewQueueViewKind.Mine
            ? cases.Where(c => c.State != ReviewCaseState.Decided && (c.AssignedToId == staffId || (c.ClaimedById == staffId && c.ClaimExpiresAtUtc > nowUtc)))
            : cases.Where(c => c.State == state);
        return Kind switch
        {
            ReviewQueueViewKind.Source when Source is { } source => BySource(listed, source),
            ReviewQueueViewKind.Category when Category is { } category => listed.Where(c => c.Category == category),
            ReviewQueueViewKind.Label when Label is { } label => listed.Where(c => c.LabelStatus == label),
            ReviewQueueViewKind.DueSoon => listed.Where(c => c.QueueOrder < ReviewQueueOrder.DueBefore(nowUtc + DueSoonWindow)),
            ReviewQueueViewKind.Overdue => listed.Where(c => c.QueueOrder < ReviewQueueOrder.DueBefore(nowUtc)),
            _ => listed,
        };
    }

    // Constants, not parameters: each source's query carries the term its partial index is filtered by.
    private static IQueryable<ReviewCase> BySource(IQueryable<ReviewCase> cases, FlagSource source) => source switch
    {
        FlagSource.FeatureLibrary => cases.Where(c => (c.SourceMask & 1) != 0),
        FlagSource.UserComplaint => cases.Where(c => (c.SourceMask & 2) != 0),
        FlagSource.LabelCheck => cases.Where(c => (c.SourceMask & 4) != 0),
        FlagSource.RegulatorNotice => cases.Where(c => (c.SourceMask & 8) != 0),
        _ => cases.Where(c => (c.SourceMask & 16) != 0),
    };
}
