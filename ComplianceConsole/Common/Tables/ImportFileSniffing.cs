namespace ComplianceConsole.Common.Tables;

/// <summary>
/// Whether an upload's bytes are what its name claims: an .xlsx is a zip package, a .csv or .txt is text. A picture
/// or a PDF renamed .csv would otherwise be decoded as GB18030 and imported as garbage.
/// </summary>
public static class ImportFileSniffing
{
    private const int TextProbeBytes = 64 * 1024;

    private static readonly byte[][] BinarySignatures =
    [
        [0x89, 0x50, 0x4E, 0x47], // PNG
        [0xFF, 0xD8, 0xFF], // JPEG
        [0x47, 0x49, 0x46, 0x38], // GIF
        [0x25, 0x50, 0x44, 0x46], // PDF
        [0x50, 0x4B, 0x03, 0x04], // zip (an .xlsx or .docx renamed .csv)
        [0xD0, 0xCF, 0x11, 0xE0], // legacy Office (.xls)
    ];

    public static bool LooksLike(string extension, ReadOnlySpan<byte> content) => extension == ".xlsx"
        ? content.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])
        : LooksLikeText(content);

    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        foreach (var signature in BinarySignatures)
        {
            if (content.StartsWith(signature)) return false;
        }
        // Text in UTF-8 or GB18030 never holds a NUL byte; UTF-16 text (which has them) is not accepted either.
        return !content[..Math.Min(content.Length, TextProbeBytes)].Contains((byte)0);
    }
}
