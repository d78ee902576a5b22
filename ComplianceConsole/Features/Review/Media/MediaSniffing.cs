using System.Text;

namespace ComplianceConsole.Features.Review.Media;

/// <summary>
/// What media bytes are, by their first bytes rather than by what the server said: only images, audio and video a browser
/// plays are served, and never SVG or HTML, which could carry script into the console's origin.
/// </summary>
public static class MediaSniffing
{
    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return "image/gif";
        if (content.StartsWith("RIFF"u8) && content.Length >= 12)
        {
            return Encoding.ASCII.GetString(content[8..12]) switch { "WEBP" => "image/webp", "WAVE" => "audio/wav", _ => null };
        }
        if (content.StartsWith("ID3"u8) || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFB])) return "audio/mpeg";
        if (content.StartsWith("OggS"u8)) return "audio/ogg";
        if (content.StartsWith("fLaC"u8)) return "audio/flac";
        if (content.Length >= 8 && content[4..8].SequenceEqual("ftyp"u8)) return "video/mp4";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return "video/webm";
        return null;
    }
}
