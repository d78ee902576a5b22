using System.IO.Compression;
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
    /// The compressed text of a chunk (W3C PNG 11.3.3.3 zTXt: keyword, NUL, method, text; 11.3.3.4 iTXt: keyword, NUL,
    /// compression flag, method, language tag, NUL, translated keyword, NUL, text), or null when it has none.
    /// </summary>
    private static byte[]? Deflated(PngChunk chunk)
    {
        var bytes = chunk.Bytes;
        var keywordEnd = Array.IndexOf(bytes, (byte)0);
        if (keywordEnd < 0) return null;
        if (chunk.ChunkType.Equals(PngChunkType.zTXt)) return bytes[Math.Min(keywordEnd + 2, bytes.Length)..];
        if (keywordEnd + 3 > bytes.Length || bytes[keywordEnd + 1] == 0) return null;
        var languageEnd = Array.IndexOf(bytes, (byte)0, keywordEnd + 3);
        var translatedEnd = languageEnd < 0 ? -1 : Array.IndexOf(bytes, (byte)0, languageEnd + 1);
        return translatedEnd < 0 ? null : bytes[(translatedEnd + 1)..];
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
