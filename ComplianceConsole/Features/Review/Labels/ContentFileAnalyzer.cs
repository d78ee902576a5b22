using System.Security.Cryptography;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review.Media;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// What the console learnt from an item's file before checking it against the item: the labels read, its size and SHA-256,
/// and for an image its PDQ hash, or the message key (and arguments) saying why it has none.
/// </summary>
public sealed record ContentFileAnalysis(FileReadingOrigin Origin, ImplicitLabelReading Reading, long ByteCount, string Sha256,
    ContentPerceptualHash? Hash, string? HashProblemKey = null, params object[] HashProblemArguments);

/// <summary>Reads an item's file: its implicit labels (<see cref="ImplicitLabelReader"/>), SHA-256 and, for an image, PDQ hash. Thread-safe.</summary>
public sealed class ContentFileAnalyzer(ImplicitLabelReader reader, PdqHasher hasher, IOptionsMonitor<MediaOptions> options)
{
    public ContentFileAnalysis Analyze(byte[] file, FileReadingOrigin origin)
    {
        var reading = reader.Read(file);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        if (MediaSniffing.ContentTypeOf(file)?.StartsWith("image/", StringComparison.Ordinal) != true)
            return new(origin, reading, file.Length, sha256, null);
        var (hash, problemKey, arguments) = Hash(file);
        return new(origin, reading, file.Length, sha256, hash, problemKey, arguments);
    }

    private (ContentPerceptualHash? Hash, string? ProblemKey, object[] Arguments) Hash(byte[] image)
    {
        // The header says the size: an image too large to decode cheaply is refused before any pixel is decoded.
        using (var codec = SKCodec.Create(new MemoryStream(image, writable: false)))
        {
            if (codec is null) return (null, "FileReading.NotDecodable", []);
            var maxPixels = options.CurrentValue.MaxHashedPixels;
            if ((long)codec.Info.Width * codec.Info.Height > maxPixels) return (null, "FileReading.TooManyPixels", [codec.Info.Width, codec.Info.Height, maxPixels]);
        }
        try
        {
            var (hash, quality) = hasher.Hash(new MemoryStream(image, writable: false));
            return (new ContentPerceptualHash { Hash = hash.ToString(), Quality = quality, Origin = PerceptualHashOrigin.File }, null, []);
        }
        catch (InvalidDataException)
        {
            return (null, "FileReading.NotDecodable", []);
        }
    }
}
