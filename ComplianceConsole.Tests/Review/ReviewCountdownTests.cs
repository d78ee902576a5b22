using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review;

public sealed class ReviewCountdownTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 8, 0, 30, DateTimeKind.Utc);

    [Theory]
    [InlineData(3 * 60 + 12, "Review.Span.Hours", new[] { 3, 12 }, false)]
    [InlineData(2 * 24 * 60 + 5 * 60 + 59, "Review.Span.Days", new[] { 2, 5 }, false)]
    [InlineData(45, "Review.Span.Minutes", new[] { 45 }, false)]
    [InlineData(-2 * 60, "Review.Span.Hours", new[] { 2, 0 }, true)]
    [InlineData(-(17 * 24 * 60 + 19 * 60), "Review.Span.Days", new[] { 17, 19 }, true)]
    public void Shows_the_two_largest_units_left_or_overdue(int minutes, string key, int[] arguments, bool overdue)
    {
        var span = ReviewCountdown.Describe(Now.AddMinutes(minutes), Now);

        Assert.Equal(key, span.Key);
        Assert.Equal(arguments, span.Arguments);
        Assert.Equal(overdue, span.Overdue);
    }

    [Fact]
    public void Half_a_minute_past_the_deadline_is_already_overdue_by_a_minute()
    {
        var span = ReviewCountdown.Describe(Now.AddSeconds(-30), Now);

        Assert.True(span.Overdue);
        Assert.Equal([1], span.Arguments);
    }
}
