using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Review.Labels;

/// <summary>
/// Real files carrying implicit labels, built byte by byte the way each container's specification lays them out, so the
/// tests need no checked-in fixtures. The JPEG has no image data: MetadataExtractor reads its segments, never its pixels.
/// </summary>
internal static class ImplicitLabelFiles
{
    public static readonly string CreditCode = WithCheckCharacter("91110108MA01KP2T5");
    public static readonly string LabelingCode = "0011" + CreditCode + "1" + "AB12";

    public static string WithCheckCharacter(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    public static string Json(string label = "1", string? producer = null, string produceId = "P-0001") =>
        $$"""{"Label":"{{label}}","ContentProducer":"{{producer ?? LabelingCode}}","ProduceID":"{{produceId}}","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}""";

    public static string XmpPacket(string json) =>
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
        $"<rdf:Description rdf:about=\"\" xmlns:TC260=\"{ImplicitLabelReader.XmpNamespace}\"><TC260:AIGC>{WebUtility.HtmlEncode(json)}</TC260:AIGC>" +
        "</rdf:Description></rdf:RDF></x:xmpmeta>";

    // JPEG (ITU-T T.81 markers; XMP Specification Part 3 for the APP1 XMP header; Exif 2.32 for the APP1 Exif header).
    public static byte[] Jpeg(string? xmpJson = null, string? userComment = null, string? xmpPacket = null)
    {
        var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        xmpPacket ??= xmpJson is null ? null : XmpPacket(xmpJson);
        if (xmpPacket is not null) JpegSegment(file, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(xmpPacket)]);
        if (userComment is not null) JpegSegment(file, 0xE1, [.. "Exif\0\0"u8, .. TiffWithUserComment(userComment)]);
        file.Write([0xFF, 0xD9]);
        return file.ToArray();
    }

    public static void JpegSegment(Stream file, byte marker, byte[] payload)
    {
        file.Write([0xFF, marker]);
        file.Write(BigEndian16(payload.Length + 2));
        file.Write(payload);
    }

    /// <summary>A big-endian TIFF: IFD0 points to the Exif IFD, which holds UserComment with its ASCII character code.</summary>
    public static byte[] TiffWithUserComment(string comment)
    {
        byte[] value = [.. "ASCII\0\0\0"u8, .. Encoding.ASCII.GetBytes(comment)];
        var tiff = new MemoryStream();
        tiff.Write([.. "MM"u8, 0x00, 0x2A, .. BigEndian32(8)]);
        tiff.Write([.. BigEndian16(1), .. BigEndian16(0x8769), .. BigEndian16(4), .. BigEndian32(1), .. BigEndian32(26), .. BigEndian32(0)]);
        tiff.Write([.. BigEndian16(1), .. BigEndian16(0x9286), .. BigEndian16(7), .. BigEndian32(value.Length), .. BigEndian32(44), .. BigEndian32(0)]);
        tiff.Write(value);
        return tiff.ToArray();
    }

    // PNG (ISO/IEC 15948, W3C PNG 3rd edition): a 1×1 grey image, with the text chunks asked for before IEND.
    public static byte[] Png(string? xmpJson = null, string? aigcText = null, string? compressedAigcText = null, string? userComment = null, int compressedCopies = 1)
    {
        var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        PngChunk(file, "IHDR", [.. BigEndian32(1), .. BigEndian32(1), 8, 0, 0, 0, 0]);
        PngChunk(file, "IDAT", Deflated([0, 0]));
        if (xmpJson is not null) PngChunk(file, "iTXt", [.. "XML:com.adobe.xmp\0"u8, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(XmpPacket(xmpJson))]);
        if (aigcText is not null) PngChunk(file, "tEXt", [.. "AIGC\0"u8, .. Encoding.Latin1.GetBytes(aigcText)]);
        if (userComment is not null) PngChunk(file, "eXIf", TiffWithUserComment(userComment));
        for (var copy = 0; compressedAigcText is not null && copy < compressedCopies; copy++)
            PngChunk(file, "zTXt", [.. "AIGC\0"u8, 0, .. Deflated(Encoding.Latin1.GetBytes(compressedAigcText))]);
        PngChunk(file, "IEND", []);
        return file.ToArray();
    }

    public static void PngChunk(Stream file, string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        file.Write(BigEndian32(data.Length));
        file.Write(typeAndData);
        file.Write(BigEndian32((int)Crc32(typeAndData)));
    }

    public static byte[] Deflated(byte[] data)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    // WebP (RFC 9649): the extended format, VP8X flagging XMP, then the "XMP " chunk.
    public static byte[] WebP(string? xmpJson = null, string? userComment = null)
    {
        byte[] chunks = [.. "VP8X"u8, .. LittleEndian32(10), (byte)((userComment is null ? 0 : 0x08) | (xmpJson is null ? 0 : 0x04)), 0, 0, 0, 0, 0, 0, 0, 0, 0];
        if (userComment is not null) chunks = [.. chunks, .. RiffChunk("EXIF", TiffWithUserComment(userComment))];
        if (xmpJson is not null) chunks = [.. chunks, .. RiffChunk("XMP ", Encoding.UTF8.GetBytes(XmpPacket(xmpJson)))];
        return [.. "RIFF"u8, .. LittleEndian32(4 + chunks.Length), .. "WEBP"u8, .. chunks];
    }

    private static byte[] RiffChunk(string type, byte[] data) =>
        [.. Encoding.ASCII.GetBytes(type), .. LittleEndian32(data.Length), .. data, .. data.Length % 2 == 1 ? new byte[1] : []];

    // ISO base media (ISO/IEC 14496-12): ftyp, then the XMP uuid box of XMP Specification Part 3 at the top level.
    private static readonly byte[] XmpUuid = Convert.FromHexString("BE7ACFCB97A942E89C71999491E3AFAC");

    public static byte[] Mp4(string xmpJson) =>
        [.. Box("ftyp", [.. "isom"u8, .. BigEndian32(0x200), .. "isom"u8, .. "mp42"u8]), .. Box("moov", MovieHeader),
         .. Box("uuid", [.. XmpUuid, .. Encoding.UTF8.GetBytes(XmpPacket(xmpJson))])];

    // QuickTime (Apple QuickTime File Format): XMP in an "XMP_" atom inside moov/udta.
    public static byte[] QuickTime(string xmpJson) =>
        [.. Box("ftyp", [.. "qt  "u8, .. BigEndian32(0x200), .. "qt  "u8]),
         .. Box("moov", [.. MovieHeader, .. Box("udta", Box("XMP_", Encoding.UTF8.GetBytes(XmpPacket(xmpJson))))])];

    /// <summary>mvhd version 0 (100 bytes), with a time scale of 1000: readers divide the duration by it.</summary>
    private static byte[] MovieHeader => Box("mvhd", [.. new byte[12], .. BigEndian32(1000), .. new byte[84]]);

    private static byte[] Box(string type, byte[] content) => [.. BigEndian32(content.Length + 8), .. Encoding.ASCII.GetBytes(type), .. content];

    private static byte[] BigEndian16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }

    public static byte[] BigEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
