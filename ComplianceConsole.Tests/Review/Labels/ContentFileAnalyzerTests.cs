using System.Security.Cryptography;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Tests.Security;

namespace ComplianceConsole.Tests.Review.Labels;

public sealed class ContentFileAnalyzerTests
{
    private static ContentFileAnalyzer Analyzer(long maxHashedPixels = 50_000_000) =>
        new(new ImplicitLabelReader(new ImplicitLabelReaderOptions()), new PdqHasher(), new FixedOptions<MediaOptions>(new MediaOptions { MaxHashedPixels = maxHashedPixels }));

    [Fact]
    public void An_image_is_read_hashed_and_summed()
    {
        var png = ImplicitLabelFiles.Png(aigcText: ImplicitLabelFiles.Json());

        var analysis = Analyzer().Analyze(png, FileReadingOrigin.Upload);

        Assert.Equal((ImplicitLabelReadOutcome.Read, ImplicitLabelPlace.PngText), (analysis.Reading.Outcome, Assert.Single(analysis.Reading.Labels).Place));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), analysis.Sha256);
        Assert.Equal(PerceptualHashOrigin.File, analysis.Hash!.Origin);
        Assert.Null(analysis.HashProblemKey);
    }

    [Fact]
    public void An_image_with_more_pixels_than_the_cap_is_not_decoded_and_says_why()
    {
        var analysis = Analyzer(maxHashedPixels: 0).Analyze(ImplicitLabelFiles.Png(), FileReadingOrigin.Fetch);

        Assert.Null(analysis.Hash);
        Assert.Equal("FileReading.TooManyPixels", analysis.HashProblemKey);
        Assert.Equal([1, 1, 0L], analysis.HashProblemArguments);
        Assert.Equal(ImplicitLabelReadOutcome.Read, analysis.Reading.Outcome); // the label is still read
    }

    [Fact]
    public void A_video_is_read_but_not_hashed_and_an_image_that_cannot_be_decoded_says_so()
    {
        var video = Analyzer().Analyze(ImplicitLabelFiles.Mp4(ImplicitLabelFiles.Json()), FileReadingOrigin.Upload);
        var headerOnly = Analyzer().Analyze(ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json()), FileReadingOrigin.Upload);

        Assert.Equal((ImplicitLabelReadOutcome.Read, null, null), (video.Reading.Outcome, video.Hash, video.HashProblemKey));
        Assert.Equal(("FileReading.NotDecodable", ImplicitLabelReadOutcome.Read), (headerOnly.HashProblemKey, headerOnly.Reading.Outcome));
    }
}
