namespace ComplianceConsole.Features.Verification;

/// <summary>
/// What the records grid offers, limited to what stays fast at a million records: a period filters the time the
/// grid is sorted by (a submitted period sorts by submission, a decided period by decision, never both), and counts
/// stop at <see cref="CountBound"/> unless a person asks for the exact figure.
/// </summary>
public static class VerificationGridRules
{
    public const int CountBound = 10_000;
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100];

    public static bool HasSubmittedPeriod(VerificationFilter filter) => filter.SubmittedFromUtc is not null || filter.SubmittedToUtc is not null;

    public static bool HasDecidedPeriod(VerificationFilter filter) => filter.DecidedFromUtc is not null || filter.DecidedToUtc is not null;

    public static IReadOnlyList<VerificationSort> SortsFor(VerificationFilter filter) =>
        HasDecidedPeriod(filter) ? [VerificationSort.DecidedNewest]
        : HasSubmittedPeriod(filter) ? [VerificationSort.SubmittedNewest, VerificationSort.SubmittedOldest]
        : Enum.GetValues<VerificationSort>();

    /// <summary>The sort to use: the one asked for if the filter allows it, else the first it allows.</summary>
    public static VerificationSort Fit(VerificationFilter filter, VerificationSort sort) =>
        SortsFor(filter) is var allowed && allowed.Contains(sort) ? sort : allowed[0];

    /// <summary>Both periods at once are not offered: one of them could only be checked row by row.</summary>
    public static bool IsOffered(VerificationFilter filter, VerificationSort sort) =>
        !(HasSubmittedPeriod(filter) && HasDecidedPeriod(filter)) && SortsFor(filter).Contains(sort);
}
