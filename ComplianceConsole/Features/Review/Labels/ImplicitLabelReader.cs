using System.Runtime.InteropServices;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using MetadataExtractor.Util;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// Reads every GB 45438-2025 implicit label a file carries, through MetadataExtractor's directories only (no parsing of
/// containers here). The places are those the sources document — see "Implicit labels read from the file" in README.md:
/// the XMP property <c>AIGC</c> in the TC260 namespace, a PNG text chunk keyed <c>AIGC</c>, and the EXIF UserComment.
/// </summary>
public sealed class ImplicitLabelReader(ImplicitLabelReaderOptions options)
{
    /// <summary>The XMP namespace of TC260-PG-20258A, prefix <c>TC260</c>, property <c>AIGC</c>.</summary>
    public const string XmpNamespace = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    public const string PropertyName = "AIGC";

    public ImplicitLabelReading Read(ReadOnlyMemory<byte> file)
    {
        if (file.Length > options.MaxFileBytes) return Outcome(ImplicitLabelReadOutcome.TooLarge);
        return ReadBytes(MemoryMarshal.TryGetArray(file, out var segment) ? segment : new ArraySegment<byte>(file.ToArray()));
    }

    /// <summary>Reads from the stream's current position, copied into memory up to the size limit.</summary>
    public ImplicitLabelReading Read(Stream file)
    {
        if (file.CanSeek && file.Length - file.Position > options.MaxFileBytes) return Outcome(ImplicitLabelReadOutcome.TooLarge);
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            if (copy.Length + read > options.MaxFileBytes) return Outcome(ImplicitLabelReadOutcome.TooLarge);
            copy.Write(buffer, 0, read);
        }
        return ReadBytes(new ArraySegment<byte>(copy.GetBuffer(), 0, (int)copy.Length));
    }

    private ImplicitLabelReading ReadBytes(ArraySegment<byte> bytes)
    {
        var file = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        try
        {
            var fileType = FileTypeDetector.DetectFileType(file);
            if (fileType == FileType.Unknown) return Outcome(ImplicitLabelReadOutcome.UnknownFileType);
            var pngTexts = fileType == FileType.Png ? CompressedPngText.Texts(file, options.MaxInflatedTextBytes) : [];
            if (pngTexts is null) return new(ImplicitLabelReadOutcome.TooLarge, fileType.ToString(), []);
            if (!XmpNestingCheck.Passes(bytes, file, fileType, pngTexts, options))
                return new(ImplicitLabelReadOutcome.TooDeeplyNested, fileType.ToString(), []);
            var found = ImageMetadataReader.ReadMetadata(file).SelectMany(LabelsIn).ToList();
            var kept = found.Take(options.MaxLabelsKept).Select(l => AigcJson.Parse(l.Place, l.Raw, options.MaxLabelChars)).ToList();
            return new(ImplicitLabelReadOutcome.Read, fileType.ToString(), kept) { LabelCount = found.Count, Places = [.. found.Select(l => l.Place).Distinct()] };
        }
        // A hostile file can drive the library into any exception (index, overflow, XMP, I/O on a short stream); whatever it
        // is, the file could not be read, which is what the caller needs to know.
        catch (Exception)
        {
            return Outcome(ImplicitLabelReadOutcome.Unreadable);
        }
    }

    /// <summary>A label's raw JSON, as kept from a reading, parsed again within this reader's limit.</summary>
    public FoundImplicitLabel Parse(ImplicitLabelPlace place, string raw) => AigcJson.Parse(place, raw, options.MaxLabelChars);

    private static IEnumerable<(ImplicitLabelPlace Place, string Raw)> LabelsIn(MetadataExtractor.Directory directory)
    {
        switch (directory)
        {
            case XmpDirectory { XmpMeta: { } xmp } when xmp.DoesPropertyExist(XmpNamespace, PropertyName):
                yield return (ImplicitLabelPlace.Xmp, xmp.GetPropertyString(XmpNamespace, PropertyName) ?? "");
                break;
            case PngDirectory png when png.GetObject(PngDirectory.TagTextualData) is IEnumerable<MetadataExtractor.KeyValuePair> texts:
                foreach (var text in texts.Where(t => t.Key == PropertyName)) yield return (ImplicitLabelPlace.PngText, text.Value.ToString());
                break;
            case ExifSubIfdDirectory exif when exif.GetDescription(ExifDirectoryBase.TagUserComment) is { } comment && LooksLikeAigcJson(comment):
                yield return (ImplicitLabelPlace.Exif, comment.Trim().Trim('\0'));
                break;
        }
    }

    // UserComment is free text that cameras and editors fill too: only an object naming Label is taken for the AIGC one.
    private static bool LooksLikeAigcJson(string comment) =>
        comment.TrimStart().StartsWith('{') && comment.Contains("\"Label\"", StringComparison.Ordinal);

    private static ImplicitLabelReading Outcome(ImplicitLabelReadOutcome outcome) => new(outcome, null, []);
}
