namespace ComplianceConsole.Features.Verification;

/// <summary>
/// What the records grid offers, limited to what stays fast at a million records: a period filters the time the
/// grid is sorted by (a submitted period sorts by submission, a decided period by decision, never both), and counts
/// stop at <see cref="Common.KeysetPaging.CountBound"/> unless a person asks for the exact figure.
/// </summary>
public static class VerificationGridRules
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100];

    public static bool HasSubmittedPeriod(VerificationFilter filter) => filter.SubmittedFromUtc is not null || filter.SubmittedToUtc is not null;

    public static bool HasDecidedPeriod(VerificationFilter filter) => filter.DecidedFromUtc is not null || filter.DecidedToUtc is not null;

    /// <summary>
    /// Pending records have no decision yet: with Pending chosen, the decision's time is neither a sort nor a period. (On
    /// PostgreSQL the decided sort of pending records walked every decided record to find none.)
    /// </summary>
    public static bool IsUndecided(VerificationFilter filter) => filter.Status == VerificationStatus.Pending;

    public static IReadOnlyList<VerificationSort> SortsFor(VerificationFilter filter) =>
        HasDecidedPeriod(filter) && !IsUndecided(filter) ? [VerificationSort.DecidedNewest]
        : HasSubmittedPeriod(filter) || IsUndecided(filter) ? [VerificationSort.SubmittedNewest, VerificationSort.SubmittedOldest]
        : Enum.GetValues<VerificationSort>();

    /// <summary>The sort to use: the one asked for if the filter allows it, else the first it allows.</summary>
    public static VerificationSort Fit(VerificationFilter filter, VerificationSort sort) =>
        SortsFor(filter) is var allowed && allowed.Contains(sort) ? sort : allowed[0];

    /// <summary>Both periods at once are not offered (one of them could only be checked row by row), nor a decided period of pending records.</summary>
    public static bool IsOffered(VerificationFilter filter, VerificationSort sort) =>
        !(HasSubmittedPeriod(filter) && HasDecidedPeriod(filter)) && !(IsUndecided(filter) && HasDecidedPeriod(filter)) && SortsFor(filter).Contains(sort);

    /// <summary>The filter as the grid can offer it: a decided period goes with Pending, and a submitted one with a decided one.</summary>
    public static VerificationFilter Offered(VerificationFilter filter) =>
        IsUndecided(filter) ? filter with { DecidedFromUtc = null, DecidedToUtc = null }
        : HasDecidedPeriod(filter) ? filter with { SubmittedFromUtc = null, SubmittedToUtc = null }
        : filter;
}
