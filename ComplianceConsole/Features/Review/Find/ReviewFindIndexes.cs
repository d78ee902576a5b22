namespace ComplianceConsole.Features.Review;

/// <summary>
/// The indexes the list of decisions seeks (<see cref="ReviewFindQueryService"/>), so every filter combination over any period
/// is one seek walked in list order, never a sort:
/// <list type="bullet">
/// <item>one for each combination of the filters a column answers (reviewer, outcome, reason), those columns first, then the
/// decision time and the id, and last the decision's flag sources, so a source asked for beside them is checked in the index
/// without reading a row;</item>
/// <item>a partial index per flag source (decision time and id, where the decision's <see cref="Decision.SourceMask"/> has the
/// source's bit), for a source asked for alone or with a period.</item>
/// </list>
/// </summary>
internal static class ReviewFindIndexes
{
    public sealed record Definition(string Name, string[] Columns, string? Filter);

    private const string Table = "IX_Decisions_Find";

    public static readonly IReadOnlyList<Definition> Columns =
    [
        .. from reviewer in new[] { false, true }
           from outcome in new[] { false, true }
           from reason in new[] { false, true }
           select Build(reviewer, outcome, reason),
    ];

    public static Definition Source(FlagSource source) => new($"{Table}_Source_{source}",
        [nameof(Decision.DecidedAtUtc), nameof(Decision.Id)], SourceFilter(source));

    /// <summary>The filter term a source's query carries word for word, so SQLite can use the partial index.</summary>
    public static string SourceFilter(FlagSource source) => $"(\"SourceMask\" & {ReviewSources.Bit(source)}) <> 0";

    public static readonly IReadOnlyList<Definition> All = [.. Columns, .. Enum.GetValues<FlagSource>().Select(Source)];

    /// <summary>The index for the filters given: a source alone has its own; otherwise the columns' (the source checked in it).</summary>
    public static Definition For(ReviewDecidedFilter filter) =>
        filter is { Source: { } source, ReviewerId: null, Outcome: null, ReasonCode: null }
            ? Source(source)
            : Columns.Single(d => d.Name == Build(filter.ReviewerId is not null, filter.Outcome is not null, filter.ReasonCode is not null).Name);

    private static Definition Build(bool reviewer, bool outcome, bool reason)
    {
        var leading = new List<string>();
        var name = Table;
        if (reviewer) (name, leading) = (name + "_Reviewer", [.. leading, nameof(Decision.DecidedById)]);
        if (outcome) (name, leading) = (name + "_Outcome", [.. leading, nameof(Decision.Outcome)]);
        if (reason) (name, leading) = (name + "_Reason", [.. leading, nameof(Decision.ReasonCode)]);
        return new Definition(name, [.. leading, nameof(Decision.DecidedAtUtc), nameof(Decision.Id), nameof(Decision.SourceMask)], null);
    }
}
