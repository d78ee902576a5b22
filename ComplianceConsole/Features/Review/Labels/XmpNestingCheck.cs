using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Xmp;
using MetadataExtractor.IO;
using MetadataExtractor.Util;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// Whether a file may be handed to MetadataExtractor: no XML in it, nor in the text MetadataExtractor 2.4.3 puts together
/// from it before parsing, nests deeper or holds more elements than <see cref="ImplicitLabelReaderOptions"/> allows
/// (<see cref="MarkupNesting"/> says why). Put together: a JPEG's extended XMP, joined from APP1 segments whose headers lie
/// between its parts; a PNG's compressed text, inflated; and ImageMagick's "Raw profile type" text, hex-decoded. Everything
/// else MetadataExtractor parses as XMP lies in the file as it is.
/// </summary>
internal static class XmpNestingCheck
{
    private static readonly byte[] ExtendedXmpPreamble = Encoding.UTF8.GetBytes(XmpReader.JpegSegmentPreambleExtension);

    /// <param name="pngTexts">A PNG's text chunks as <see cref="CompressedPngText.Texts"/> read them (none for other types).</param>
    public static bool Passes(ArraySegment<byte> bytes, Stream file, FileType fileType, IEnumerable<(string Keyword, byte[] Text)> pngTexts,
        ImplicitLabelReaderOptions options)
    {
        bool Within(ReadOnlySpan<byte> text) => MarkupNesting.Within(text, options.MaxMarkupDepth, options.MaxMarkupElements);
        var putTogether = fileType == FileType.Jpeg ? ExtendedXmp(file)
            : pngTexts.SelectMany(text => text.Keyword.StartsWith("Raw profile type ", StringComparison.Ordinal) ? [text.Text, RawProfile(text.Text)] : new[] { text.Text });
        return Within(bytes) && putTogether.All(text => Within(text));
    }

    /// <summary>As <see cref="XmpReader"/> joins them: grouped by the GUID read as UTF-8, each segment's data after its header, in file order.</summary>
    private static List<byte[]> ExtendedXmp(Stream jpeg)
    {
        var start = jpeg.Position;
        try
        {
            var header = ExtendedXmpPreamble.Length + 32 + 4 + 4;
            return JpegSegmentReader.ReadSegments(new SequentialStreamReader(jpeg), [JpegSegmentType.App1])
                .Where(segment => segment.Bytes.AsSpan().StartsWith(ExtendedXmpPreamble) && segment.Bytes.Length >= header)
                .GroupBy(segment => Encoding.UTF8.GetString(segment.Bytes, ExtendedXmpPreamble.Length, 32))
                .Select(group => group.SelectMany(segment => segment.Bytes.Skip(header)).ToArray())
                .ToList();
        }
        finally
        {
            jpeg.Position = start;
        }
    }

    /// <summary>"\n name \n length \n hex…": the hex after the third line break, decoded; any other character is passed over.</summary>
    private static byte[] RawProfile(byte[] text)
    {
        var at = 0;
        for (var breaks = 0; breaks < 3 && at < text.Length; at++)
            if (text[at] == '\n') breaks++;
        var decoded = new List<byte>(Math.Max(0, (text.Length - at) / 2));
        var high = -1;
        for (; at < text.Length; at++)
        {
            var digit = HexDigit(text[at]);
            if (digit < 0) continue;
            if (high < 0)
            {
                high = digit;
                continue;
            }
            decoded.Add((byte)(high << 4 | digit));
            high = -1;
        }
        return [.. decoded];
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
