namespace ComplianceConsole.Features.Review;

/// <summary>
/// The queue's order — due time, then higher priority — as one ascending number: the due minute times a
/// thousand plus the priority's complement. Keyset paging on it (with the id for ties) seeks one index.
/// </summary>
public static class ReviewQueueOrder
{
    public const int MaxPriority = 999;

    /// <summary>A due minute's length in the order: room for every priority.</summary>
    public const long PerMinute = MaxPriority + 1;

    /// <summary>A due (UTC) day's length in the order; the cases table's triggers count open cases per day by it (<see cref="ReviewBacklogCounts"/>).</summary>
    public const long PerDay = 24 * 60 * PerMinute;

    public static long For(DateTime dueAtUtc, int priority) =>
        DueMinute(dueAtUtc) * PerMinute + (MaxPriority - Math.Clamp(priority, 0, MaxPriority));

    /// <summary>The smallest order a case due at or after this time can have: "due before t" is "order below this".</summary>
    public static long DueBefore(DateTime utc) => DueMinute(utc) * PerMinute;

    private static long DueMinute(DateTime utc) => (long)Math.Floor((utc - DateTime.UnixEpoch).TotalMinutes);
}
