namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// Meta's PDQ perceptual hash of an image (github.com/facebook/ThreatExchange, pdq/): luma, tent-filter downsample to 64x64,
/// the 16x16 low frequencies of its DCT, one bit each for being above their median. It follows the C++ reference step by step
/// (pdqHash256FromFloatLuma in pdq/cpp/hashing/pdqhashing.cpp), so the same pixels give the same bits.
/// Stateless and thread-safe.
/// </summary>
public sealed class PdqHasher
{
    private const int DownsampleSize = 64;

    // The reference hashes nothing smaller (MIN_HASHABLE_DIM): such an image gets the zero hash with quality 0.
    private const int MinimumDimension = 5;

    /// <summary>Hashes an encoded image; throws <see cref="InvalidDataException"/> when it cannot be decoded.</summary>
    public PdqHashAndQuality Hash(Stream image) => Hash(LumaPlane.Decode(image));

    /// <summary>Hashes a luma plane, blurring its values in place.</summary>
    internal static PdqHashAndQuality Hash(LumaPlane luma)
    {
        if (luma.Rows < MinimumDimension || luma.Cols < MinimumDimension) return new PdqHashAndQuality(PdqHash.Zero, 0);

        var plane64 = luma.Rows == DownsampleSize && luma.Cols == DownsampleSize
            ? luma.Values
            : JaroszTentFilter.Downsample(luma.Values, new float[luma.Values.Length], luma.Rows, luma.Cols, DownsampleSize);
        var block = PdqDct.LowFrequencies(plane64);
        var median = TorbenMedian.Of(block);
        var hash = PdqHash.FromBits(k => block[k] > median);
        return new PdqHashAndQuality(hash, Quality(plane64));
    }

    // Heuristic from the reference (pdqImageDomainQualityMetric): counts significant neighbour-to-neighbour steps of the
    // 64x64 downsample, each truncated to whole percent of full scale, scaled by its hand-tuned 90 and capped at 100.
    private static int Quality(float[] plane64)
    {
        var gradientSum = 0;
        for (var i = 0; i < DownsampleSize - 1; i++)
            for (var j = 0; j < DownsampleSize; j++)
                gradientSum += Math.Abs((int)((plane64[i * DownsampleSize + j] - plane64[(i + 1) * DownsampleSize + j]) * 100 / 255));
        for (var i = 0; i < DownsampleSize; i++)
            for (var j = 0; j < DownsampleSize - 1; j++)
                gradientSum += Math.Abs((int)((plane64[i * DownsampleSize + j] - plane64[i * DownsampleSize + j + 1]) * 100 / 255));
        return Math.Min(gradientSum / 90, 100);
    }
}
