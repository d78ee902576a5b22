using ComplianceConsole.Features.Review.HashBanks;
using SkiaSharp;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>
/// The reference's matching threshold (pdq/README.md: distance 31 or less) against edits a re-upload typically carries, and
/// against other images. The variants are made here with SkiaSharp from a reference sample of a bridge photo.
/// </summary>
public sealed class PdqNearDuplicateTests(ITestOutputHelper output)
{
    private const int MatchThreshold = 31;
    private const string Original = "square-512x512.jpg";
    private static readonly PdqHasher Hasher = new();

    public static TheoryData<string> Edits => ["jpeg quality 50", "half size", "twice the size", "1% cropped off each side", "brighter by 16 levels"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edited_copy_is_within_the_match_threshold(string edit)
    {
        using var original = SKBitmap.Decode(PdqSamples.PathOf(Original));
        using var edited = Apply(edit, original);

        var distance = HashOf(original).Distance(HashOf(edited));

        output.WriteLine($"{edit}: {distance} bits");
        Assert.InRange(distance, 0, MatchThreshold);
    }

    // PDQ hashes the whole frame's low frequencies, so a crop shifts all of them: on this sample 1% a side moved 16 bits, 2%
    // moved 36 and 5% moved 98. Matching crops needs another signal (or hashing crops of the bank's images), not a wider radius.
    [Fact]
    public void A_copy_cropped_by_five_percent_a_side_is_beyond_the_threshold_as_pdq_does_not_resist_cropping()
    {
        using var original = SKBitmap.Decode(PdqSamples.PathOf(Original));
        using var cropped = Apply("5% cropped off each side", original);

        var distance = HashOf(original).Distance(HashOf(cropped));

        output.WriteLine($"5% cropped off each side: {distance} bits");
        Assert.True(distance > MatchThreshold, $"{distance} bits");
    }

    [Fact]
    public void Different_images_are_beyond_the_match_threshold()
    {
        // q0003 is left out: nearly flat (quality 3), the kind of hash the reference says to discard rather than match.
        string[] samples = [Original, "small.jpg", "wee.jpg", "q0004.jpg", "q0122.jpg", "q0291.jpg", "q0746.jpg", "q1050.jpg", "q2821.jpg"];
        var hashes = samples.ToDictionary(s => s, s => HashOf(SKBitmap.Decode(PdqSamples.PathOf(s))));

        var pairs = (from a in samples from b in samples where string.CompareOrdinal(a, b) < 0 select (a, b, distance: hashes[a].Distance(hashes[b]))).ToList();

        output.WriteLine($"closest pair: {pairs.MinBy(p => p.distance)}");
        Assert.All(pairs, p => Assert.True(p.distance > MatchThreshold, $"{p.a} and {p.b} are {p.distance} bits apart"));
    }

    private static SKBitmap Apply(string edit, SKBitmap source) => edit switch
    {
        "jpeg quality 50" => Reencoded(source, SKEncodedImageFormat.Jpeg, 50),
        "half size" => Resized(source, 0.5),
        // Over 512 pixels a side, so the hasher first squeezes it to 512x512 as the reference's tool does.
        "twice the size" => Resized(source, 2),
        "1% cropped off each side" => Cropped(source, 0.01),
        "5% cropped off each side" => Cropped(source, 0.05),
        "brighter by 16 levels" => Brightened(source, 16),
        _ => throw new ArgumentOutOfRangeException(nameof(edit)),
    };

    private static SKBitmap Resized(SKBitmap source, double factor) =>
        source.Resize(new SKImageInfo((int)(source.Width * factor), (int)(source.Height * factor)), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

    private static SKBitmap Reencoded(SKBitmap source, SKEncodedImageFormat format, int quality)
    {
        using var encoded = source.Encode(format, quality);
        return SKBitmap.Decode(encoded);
    }

    private static SKBitmap Cropped(SKBitmap source, double fraction)
    {
        var (dx, dy) = ((int)(source.Width * fraction), (int)(source.Height * fraction));
        var cropped = new SKBitmap(source.Width - 2 * dx, source.Height - 2 * dy);
        using var canvas = new SKCanvas(cropped);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, -dx, -dy, SKSamplingOptions.Default);
        return cropped;
    }

    private static SKBitmap Brightened(SKBitmap source, int levels)
    {
        var brighter = new SKBitmap(source.Info);
        using var canvas = new SKCanvas(brighter);
        var offset = levels / 255f;
        using var paint = new SKPaint
        {
            ColorFilter = SKColorFilter.CreateColorMatrix([1, 0, 0, 0, offset, 0, 1, 0, 0, offset, 0, 0, 1, 0, offset, 0, 0, 0, 1, 0]),
        };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, paint);
        return brighter;
    }

    // Through PNG, lossless, so the hasher sees exactly the edited pixels.
    private static PdqHash HashOf(SKBitmap bitmap)
    {
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return Hasher.Hash(png.AsStream()).Hash;
    }
}
