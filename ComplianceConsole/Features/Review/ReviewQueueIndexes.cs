namespace ComplianceConsole.Features.Review;

/// <summary>
/// The indexes the queue's views seek, each ending in the queue order (<see cref="ReviewQueueOrder"/>) and the id:
/// the whole queue and its due-time views, one per category, one per label state, and a partial index per flag source
/// (a case has flags of several sources, so the source view is a bit of <see cref="ReviewCase.SourceMask"/>).
/// </summary>
internal static class ReviewQueueIndexes
{
    public sealed record Definition(string Name, string[] Columns, string? Filter);

    private const string Table = "IX_ReviewCases_";

    public static readonly Definition Queue = new(Table + "Queue",
        [nameof(ReviewCase.State), nameof(ReviewCase.QueueOrder), nameof(ReviewCase.Id)], null);

    public static readonly Definition Category = new(Table + "Queue_Category",
        [nameof(ReviewCase.State), nameof(ReviewCase.Category), nameof(ReviewCase.QueueOrder), nameof(ReviewCase.Id)], null);

    public static readonly Definition Label = new(Table + "Queue_Label",
        [nameof(ReviewCase.State), nameof(ReviewCase.LabelStatus), nameof(ReviewCase.QueueOrder), nameof(ReviewCase.Id)], null);

    public static Definition Source(FlagSource source) => new(Table + "Queue_Source_" + source,
        [nameof(ReviewCase.State), nameof(ReviewCase.QueueOrder), nameof(ReviewCase.Id)], SourceFilter(source));

    /// <summary>The filter term a source view's query carries word for word, so SQLite can use the partial index.</summary>
    public static string SourceFilter(FlagSource source) => $"(\"SourceMask\" & {ReviewSources.Bit(source)}) <> 0";

    /// <summary>
    /// "Mine": the cases given to a reviewer and those they hold, led by the person and the state, so a long-serving
    /// reviewer's decided cases are skipped in the index rather than read. Partial: most cases are neither.
    /// </summary>
    public static readonly Definition Assigned = new(Table + "Mine_Assigned",
        [nameof(ReviewCase.AssignedToId), nameof(ReviewCase.State), nameof(ReviewCase.QueueOrder), nameof(ReviewCase.Id)], "\"AssignedToId\" IS NOT NULL");

    public static readonly Definition Claimed = new(Table + "Mine_Claimed",
        [nameof(ReviewCase.ClaimedById), nameof(ReviewCase.State), nameof(ReviewCase.QueueOrder), nameof(ReviewCase.Id)], "\"ClaimedById\" IS NOT NULL");

    public static readonly IReadOnlyList<Definition> All = [Queue, Category, Label, .. Enum.GetValues<FlagSource>().Select(Source), Assigned, Claimed];

    /// <summary>
    /// The index a view's page and count walk, or none for "mine": a reviewer's own cases are found through
    /// <see cref="Assigned"/> and <see cref="Claimed"/> together, a few rows sorted.
    /// </summary>
    public static Definition? For(ReviewQueueView view) => view.Kind switch
    {
        ReviewQueueViewKind.Source when view.Source is { } source => Source(source),
        ReviewQueueViewKind.Category when view.Category is not null => Category,
        ReviewQueueViewKind.Label when view.Label is not null => Label,
        ReviewQueueViewKind.Mine => null,
        _ => Queue,
    };
}
