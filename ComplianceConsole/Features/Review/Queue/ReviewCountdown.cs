namespace ComplianceConsole.Features.Review;

/// <summary>How long until a case is due, or how long it is overdue, as the queue shows it: the two largest units.</summary>
public static class ReviewCountdown
{
    /// <summary>A localisation key and its arguments (days and hours, hours and minutes, or minutes), and whether it is overdue.</summary>
    public sealed record Span(string Key, int[] Arguments, bool Overdue);

    public static Span Describe(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        var overdue = left < TimeSpan.Zero;
        // Whole minutes, rounded towards the deadline: "1 minute left" until it is due, "overdue 1 minute" from the first minute after.
        var minutes = (long)Math.Ceiling(Math.Abs(left.TotalMinutes));
        if (!overdue) minutes = (long)Math.Floor(left.TotalMinutes);
        return minutes switch
        {
            >= 24 * 60 => new Span("Review.Span.Days", [(int)(minutes / (24 * 60)), (int)(minutes / 60 % 24)], overdue),
            >= 60 => new Span("Review.Span.Hours", [(int)(minutes / 60), (int)(minutes % 60)], overdue),
            _ => new Span("Review.Span.Minutes", [(int)minutes], overdue),
        };
    }
}
