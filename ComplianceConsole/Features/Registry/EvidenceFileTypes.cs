namespace ComplianceConsole.Features.Registry;

/// <summary>
/// The kinds of evidence file accepted, each with the bytes it must start with (or, for text, none of the NUL bytes a
/// binary has), so a renamed executable is refused whatever its name says.
/// </summary>
public static class EvidenceFileTypes
{
    private sealed record Kind(string ContentType, byte[]? Signature);

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", [0x25, 0x50, 0x44, 0x46]),
        [".png"] = new("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = new("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = new("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".txt"] = new("text/plain; charset=utf-8", null),
    };

    public static IEnumerable<string> Known => Kinds.Keys;

    /// <summary>The content type of a file with this extension and these bytes, or null when the bytes are not what the name claims.</summary>
    public static string? ContentTypeOf(string extension, ReadOnlySpan<byte> content)
    {
        if (!Kinds.TryGetValue(extension, out var kind)) return null;
        if (kind.Signature is { } signature) return content.StartsWith(signature) ? kind.ContentType : null;
        return content.Length > 0 && !content[..Math.Min(content.Length, 64 * 1024)].Contains((byte)0) ? kind.ContentType : null;
    }
}
