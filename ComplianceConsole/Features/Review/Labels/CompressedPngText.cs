using System.IO.Compression;
using System.Text;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.IO;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// A PNG's text chunks as MetadataExtractor 2.4.3 hands them on, found by its own chunk reader. It inflates every zTXt and
/// compressed iTXt chunk whole, and a few kilobytes of deflate can inflate to gigabytes: here they are inflated only as far as
/// the limit, and a PNG whose compressed text goes past it is not to be read at all.
/// </summary>
internal static class CompressedPngText
{
    private static readonly PngChunkType[] TextChunks = [PngChunkType.tEXt, PngChunkType.zTXt, PngChunkType.iTXt];

    /// <summary>
    /// Every text chunk's keyword and text (zTXt and compressed iTXt inflated), or null when the compressed ones inflate past
    /// <paramref name="maxInflatedBytes"/>. The limit is on all of them together: MetadataExtractor keeps every one's text, so
    /// a thousand chunks each just under the limit would cost a thousand times it.
    /// </summary>
    public static List<(string Keyword, byte[] Text)>? Texts(Stream png, long maxInflatedBytes)
    {
        var start = png.Position;
        try
        {
            var (texts, left) = (new List<(string, byte[])>(), maxInflatedBytes);
            foreach (var chunk in new PngChunkReader().Extract(new SequentialStreamReader(png), TextChunks))
            {
                var deflated = Deflated(chunk);
                var text = deflated is null ? Plain(chunk) : Inflate(deflated, left);
                if (text is null) return null;
                if (deflated is not null) left -= text.Length;
                texts.Add((Keyword(chunk.Bytes), text));
            }
            return texts;
        }
        finally
        {
            png.Position = start;
        }
    }

    private static string Keyword(byte[] chunk) => Encoding.Latin1.GetString(chunk, 0, Math.Max(0, Array.IndexOf(chunk, (byte)0)));

    // tEXt: keyword, NUL, text; an uncompressed iTXt: the text after its header; zTXt always deflates.
    private static byte[] Plain(PngChunk chunk)
    {
        var bytes = chunk.Bytes;
        var keywordEnd = Array.IndexOf(bytes, (byte)0);
        if (keywordEnd < 0 || chunk.ChunkType.Equals(PngChunkType.zTXt)) return [];
        if (chunk.ChunkType.Equals(PngChunkType.tEXt)) return bytes[(keywordEnd + 1)..];
        return InternationalTextStart(bytes, keywordEnd) is { } start ? bytes[start..] : [];
    }

    /// <summary>
    /// The compressed text of a chunk (W3C PNG 11.3.3.3 zTXt: keyword, NUL, method, text; 11.3.3.4 iTXt: keyword, NUL,
    /// compression flag, method, language tag, NUL, translated keyword, NUL, text), or null when it has none.
    /// </summary>
    private static byte[]? Deflated(PngChunk chunk)
    {
        var bytes = chunk.Bytes;
        var keywordEnd = Array.IndexOf(bytes, (byte)0);
        if (keywordEnd < 0 || chunk.ChunkType.Equals(PngChunkType.tEXt)) return null;
        if (chunk.ChunkType.Equals(PngChunkType.zTXt)) return bytes[Math.Min(keywordEnd + 2, bytes.Length)..];
        if (keywordEnd + 3 > bytes.Length || bytes[keywordEnd + 1] == 0) return null;
        return InternationalTextStart(bytes, keywordEnd) is { } start ? bytes[start..] : null;
    }

    /// <summary>Where an iTXt chunk's text starts, after its flag, method, language tag and translated keyword.</summary>
    private static int? InternationalTextStart(byte[] bytes, int keywordEnd)
    {
        var languageEnd = keywordEnd + 3 > bytes.Length ? -1 : Array.IndexOf(bytes, (byte)0, keywordEnd + 3);
        var translatedEnd = languageEnd < 0 ? -1 : Array.IndexOf(bytes, (byte)0, languageEnd + 1);
        return translatedEnd < 0 ? null : translatedEnd + 1;
    }

    /// <summary>The inflated text, or null when it would pass <paramref name="atMost"/> bytes.</summary>
    private static byte[]? Inflate(byte[] deflated, long atMost)
    {
        using var inflated = new ZLibStream(new MemoryStream(deflated), CompressionMode.Decompress);
        var text = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = inflated.Read(buffer)) > 0)
            {
                if (text.Length + read > atMost) return null;
                text.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // Not valid zlib: MetadataExtractor records an error on the chunk and goes on; what inflated before the fault is kept.
        }
        return text.ToArray();
    }
}
