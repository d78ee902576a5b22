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
            ? cases.Where(c => (c.State == ReviewCaseState.Open || c.State == ReviewCaseState.Escalated) && (c.AssignedToId == staffId || (c.ClaimedById == staffId && c.ClaimExpiresAtUtc > nowUtc)))
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

    /// <summary>The view as it travels in a page address (<c>?view=category:VoiceSynthesis</c>), so "next" stays in it.</summary>
    public string ToQuery() => Kind switch
    {
        ReviewQueueViewKind.Source => $"source:{Source}",
        ReviewQueueViewKind.Category => $"category:{Category}",
        ReviewQueueViewKind.Label => $"label:{Label}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The view an address names; anything unknown is the whole queue.</summary>
    public static ReviewQueueView Parse(string? query)
    {
        var parts = (query ?? "").Split(':', 2);
        var value = parts.Length == 2 ? parts[1] : "";
        return parts[0].ToLowerInvariant() switch
        {
            "source" when Enum.TryParse<FlagSource>(value, out var source) && Enum.IsDefined(source) => new(ReviewQueueViewKind.Source, Source: source),
            "category" when Enum.TryParse<SynthesisCategory>(value, out var category) && Enum.IsDefined(category) => new(ReviewQueueViewKind.Category, Category: category),
            "label" when Enum.TryParse<LabelStatus>(value, out var label) && Enum.IsDefined(label) => new(ReviewQueueViewKind.Label, Label: label),
            "duesoon" => new(ReviewQueueViewKind.DueSoon),
            "overdue" => new(ReviewQueueViewKind.Overdue),
            "escalated" => new(ReviewQueueViewKind.Escalated),
            "mine" => new(ReviewQueueViewKind.Mine),
            _ => All,
        };
    }

    // Constants, not parameters: each source's query carries the term its partial index is filtered by.
    private static IQueryable<ReviewCase> BySource(IQueryable<ReviewCase> cases, FlagSource source) => source switch
    {
        FlagSource.FeatureLibrary => cases.Where(c => (c.SourceMask & 1) != 0),
        FlagSource.UserComplaint => cases.Where(c => (c.SourceMask & 2) != 0),
        FlagSource.LabelCheck => cases.Where(c => (c.SourceMask & 4) != 0),
        FlagSource.RegulatorNotice => cases.Where(c => (c.SourceMask & 8) != 0),
        FlagSource.Appeal => cases.Where(c => (c.SourceMask & 32) != 0),
        _ => cases.Where(c => (c.SourceMask & 16) != 0),
    };
}
