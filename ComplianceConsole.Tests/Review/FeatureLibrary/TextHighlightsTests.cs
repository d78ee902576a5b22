using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.FeatureLibrary;

public sealed class TextHighlightsTests
{
    [Fact]
    public void Matches_are_cut_out_in_order_and_overlapping_ones_merge()
    {
        var runs = TextHighlights.Split("这是深度伪造视频的样本", [(4, 4), (2, 4), (9, 1)]);
        Assert.Equal([("这是", false), ("深度伪造视频", true), ("的", false), ("样", true), ("本", false)], runs);
    }

    [Fact]
    public void A_range_outside_the_text_is_ignored()
    {
        Assert.Equal([("abc", false)], TextHighlights.Split("abc", [(2, 5), (0, 0)]));
    }
}
