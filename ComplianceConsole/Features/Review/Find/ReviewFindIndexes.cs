namespace ComplianceConsole.Features.Review;

/// <summary>
/// The indexes the list of decisions seeks (<see cref="ReviewFindQueryService"/>): one for each combination of the filters
/// that a column answers (reviewer, outcome, reason), those columns first, then the decision time and the id, so every
/// filter combination over any period is one seek walked in list order, never a sort. The flag source is the case's (a bit of
/// <see cref="ReviewCase.SourceMask"/>), checked row by row along the walk.
/// </summary>
internal static class ReviewFindIndexes
{
    public sealed record Definition(string Name, string[] Columns);

    private const string Table = "IX_Decisions_Find";

    public static readonly IReadOnlyList<Definition> All =
    [
        .. from reviewer in new[] { false, true }
           from outcome in new[] { false, true }
           from reason in new[] { false, true }
           select Build(reviewer, outcome, reason),
    ];

    /// <summary>The index for the filters given.</summary>
    public static Definition For(ReviewDecidedFilter filter) =>
        All.Single(d => d.Name == Build(filter.ReviewerId is not null, filter.Outcome is not null, filter.ReasonCode is not null).Name);

    private static Definition Build(bool reviewer, bool outcome, bool reason)
    {
        var leading = new List<string>();
        var name = Table;
        if (reviewer) (name, leading) = (name + "_Reviewer", [.. leading, nameof(Decision.DecidedById)]);
        if (outcome) (name, leading) = (name + "_Outcome", [.. leading, nameof(Decision.Outcome)]);
        if (reason) (name, leading) = (name + "_Reason", [.. leading, nameof(Decision.ReasonCode)]);
        return new Definition(name, [.. leading, nameof(Decision.DecidedAtUtc), nameof(Decision.Id)]);
    }
}
