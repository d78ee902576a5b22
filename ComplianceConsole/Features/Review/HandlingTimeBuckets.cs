namespace ComplianceConsole.Features.Review;

/// <summary>
/// Handling times counted in buckets as fine as the dashboard shows a median (<see cref="ReviewersDashboardSection.Duration"/>): whole
/// seconds under a minute, whole minutes under a day, whole hours beyond, each taken from the time rounded to the second as the median is.
/// A bucket's time shows as every time in it does, so the median of the buckets shows as the median of the times; for an even count, the
/// mean of the two middle buckets may show one unit (a second, a minute, an hour) below the mean of the two middle times.
/// Buckets fall into ranges (a <see cref="RangeOf"/>: under a minute, under an hour, each hour of the first day, each day after) so the
/// median is found from a range's total first and from its buckets after, reading a few dozen rows per reviewer and day.
/// </summary>
internal static class HandlingTimeBuckets
{
    private const long Minute = 60, Hour = 3600, Day = 86400;

    /// <summary>The bucket's lower bound in seconds. Handling never starts after the decision; were it to, it would show as none.</summary>
    public static long Of(TimeSpan handling)
    {
        var seconds = Math.Max(0, (long)Math.Round(handling.TotalSeconds));
        return seconds < Minute ? seconds : seconds < Day ? seconds - seconds % Minute : seconds - seconds % Hour;
    }

    public static long RangeOf(long bucket) => bucket < Minute ? 0 : bucket < Hour ? Minute : bucket < Day ? bucket - bucket % Hour : bucket - bucket % Day;

    public static IEnumerable<long> In(long range)
    {
        var (step, end) = range switch { 0 => (1, Minute), Minute => (Minute, Hour), < Day => (Minute, range + Hour), _ => (Hour, range + Day) };
        for (var bucket = range; bucket < end; bucket += step) yield return bucket;
    }

    public static string Key(string reviewerId, long seconds) => $"{reviewerId}/{seconds}";

    public static (string ReviewerId, long Seconds) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], long.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
