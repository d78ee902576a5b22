using System.IO.Compression;
using System.Text;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.IO;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// MetadataExtractor 2.4.3 inflates every zTXt and compressed iTXt chunk whole, and a few kilobytes of deflate can
/// inflate to gigabytes. Before it reads a PNG, the compressed text chunks (found by MetadataExtractor's own chunk
/// reader) are inflated here only as far as the limit, to see whether any goes past it.
/// </summary>
internal static class CompressedPngText
{
    private static readonly PngChunkType[] TextChunks = [PngChunkType.zTXt, PngChunkType.iTXt];

    public static bool InflatesBeyond(Stream png, long maxBytes)
    {
        var start = png.Position;
        try
        {
            // The limit is on all the chunks together: MetadataExtractor keeps every one's text, so a thousand chunks each
            // just under the limit would cost a thousand times it.
            var left = maxBytes;
            foreach (var chunk in new PngChunkReader().Extract(new SequentialStreamReader(png), TextChunks))
            {
                if (Deflated(chunk) is not { } deflated) continue;
                left -= Inflated(deflated, left + 1);
                if (left < 0) return true;
            }
            return false;
        }
        finally
        {
            png.Position = start;
        }
    }

    /// <summary>
    /// Every text chunk's keyword and text as MetadataExtractor hands it on (zTXt and compressed iTXt inflated). Call it only
    /// once <see cref="InflatesBeyond"/> has said the compressed ones stay within the limit.
    /// </summary>
    public static List<(string Keyword, byte[] Text)> Texts(Stream png)
    {
        var start = png.Position;
        try
        {
            return new PngChunkReader().Extract(new SequentialStreamReader(png), [PngChunkType.tEXt, .. TextChunks])
                .Select(chunk => (Keyword(chunk.Bytes), Deflated(chunk) is { } deflated ? Inflate(deflated) : Plain(chunk)))
                .ToList();
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

    private static byte[] Inflate(byte[] deflated)
    {
        var text = new MemoryStream();
        try
        {
            using var inflated = new ZLibStream(new MemoryStream(deflated), CompressionMode.Decompress);
            inflated.CopyTo(text);
        }
        catch (InvalidDataException)
        {
            // What inflated before the fault is kept: MetadataExtractor reads nothing of such a chunk, so more is only safer.
        }
        return text.ToArray();
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

    /// <summary>How many bytes the text inflates to, counted no further than <paramref name="atMost"/>.</summary>
    private static long Inflated(byte[] deflated, long atMost)
    {
        using var inflated = new ZLibStream(new MemoryStream(deflated), CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = inflated.Read(buffer)) > 0)
                if ((total += read) >= atMost) return total;
        }
        catch (InvalidDataException)
        {
            // Not valid zlib: MetadataExtractor records an error on the chunk and goes on.
        }
        return total;
    }
}
