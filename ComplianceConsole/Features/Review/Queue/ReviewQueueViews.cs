namespace ComplianceConsole.Features.Review;

/// <summary>The views the queue page offers, in the order of its picker; the benchmark times exactly these.</summary>
public static class ReviewQueueViews
{
    /// <summary>The escalated cases are for those who supervise; "mine" for those who claim cases.</summary>
    public static IReadOnlyList<ReviewQueueView> Offered(bool canDecide, bool canSupervise) =>
    [
        ReviewQueueView.All,
        .. canDecide ? [new ReviewQueueView(ReviewQueueViewKind.Mine)] : Array.Empty<ReviewQueueView>(),
        new(ReviewQueueViewKind.DueSoon),
        new(ReviewQueueViewKind.Overdue),
        .. canSupervise ? [new ReviewQueueView(ReviewQueueViewKind.Escalated)] : Array.Empty<ReviewQueueView>(),
        .. Enum.GetValues<FlagSource>().Select(s => new ReviewQueueView(ReviewQueueViewKind.Source, Source: s)),
        .. Enum.GetValues<SynthesisCategory>().Select(c => new ReviewQueueView(ReviewQueueViewKind.Category, Category: c)),
        .. Enum.GetValues<LabelStatus>().Select(l => new ReviewQueueView(ReviewQueueViewKind.Label, Label: l)),
    ];
}
