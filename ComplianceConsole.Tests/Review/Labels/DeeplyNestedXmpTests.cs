using System.Net;
using System.Text;
using ComplianceConsole.Features.Review.Labels;
using SkiaSharp;
using static ComplianceConsole.Tests.Review.Labels.ImplicitLabelFiles;

namespace ComplianceConsole.Tests.Review.Labels;

/// <summary>
/// XMP nested deep enough to hurt: XmpCore 6.1.10 recurses through a packet's elements (thousands of levels overflow the stack
/// and end the process, which no catch can stop) and MetadataExtractor's walk of the parsed structs doubles with each level
/// (30 take half a minute, 40 hours). Such a file is refused before it is parsed, however the nesting is dressed up, while
/// XMP as real files write it is read.
/// </summary>
public sealed class DeeplyNestedXmpTests
{
    private static readonly ImplicitLabelReader Reader = new(new ImplicitLabelReaderOptions());

    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>A packet whose label sits <paramref name="levels"/> structs deep, each struct opened by <paramref name="open"/>.</summary>
    private static string Packet(int levels, string open = "<a:s rdf:parseType=\"Resource\">", string close = "</a:s>") =>
        $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"{Rdf}\"><rdf:Description rdf:about=\"\" xmlns:a=\"http://a/\" " +
        $"xmlns:TC260=\"{ImplicitLabelReader.XmpNamespace}\"><TC260:AIGC>{WebUtility.HtmlEncode(Json())}</TC260:AIGC>" +
        string.Concat(Enumerable.Repeat(open, levels)) + "<a:v>1</a:v>" + string.Concat(Enumerable.Repeat(close, levels)) +
        "</rdf:Description></rdf:RDF></x:xmpmeta>";

    private static void AssertRefused(byte[] file, string fileType)
    {
        var reading = Reader.Read(file);
        Assert.Equal((ImplicitLabelReadOutcome.TooDeeplyNested, fileType), (reading.Outcome, reading.FileType));
        Assert.Empty(reading.Labels);
    }

    [Fact]
    public void Thousands_of_nested_elements_that_would_overflow_the_stack_are_refused()
    {
        var packet = string.Concat(Enumerable.Repeat("<a>", 9_000)) + string.Concat(Enumerable.Repeat("</a>", 9_000));
        AssertRefused(Jpeg(xmpPacket: packet), "Jpeg");
    }

    [Theory]
    [InlineData("<a:s rdf:parseType=\"Resource\">", "</a:s>")]
    [InlineData("<a:s><rdf:Description>", "</rdf:Description></a:s>")]
    // End tags hidden in comments, processing instructions and CDATA are not taken as closing anything.
    [InlineData("<a:s rdf:parseType=\"Resource\"><!-- </a:s> -->", "</a:s>")]
    [InlineData("<a:s rdf:parseType=\"Resource\"><?pi </a:s> ?>", "</a:s>")]
    [InlineData("<a:s rdf:parseType=\"Resource\"><a:t><![CDATA[</a:s>]]></a:t>", "</a:s>")]
    // Nor is a "/>" inside an attribute's value taken for a tag that closes itself.
    [InlineData("<a:s a:q=\"/>\" rdf:parseType=\"Resource\">", "</a:s>")]
    public void Structs_nested_thirty_deep_are_refused_however_written(string open, string close)
    {
        AssertRefused(Jpeg(xmpPacket: Packet(30, open, close)), "Jpeg");
    }

    [Fact]
    public void A_junk_comment_opening_before_the_packet_hides_nothing_in_it()
    {
        var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        JpegSegment(file, 0xFE, "<!-- <?x "u8.ToArray());
        JpegSegment(file, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(Packet(30).Replace("<a:v>1</a:v>", "<a:v>--> ?></a:v>"))]);
        file.Write([0xFF, 0xD9]);
        AssertRefused(file.ToArray(), "Jpeg");
    }

    [Fact]
    public void A_packet_in_UTF_16_either_way_round_is_measured_too()
    {
        AssertRefused(Utf16Jpeg(Encoding.Unicode), "Jpeg");
        AssertRefused(Utf16Jpeg(Encoding.BigEndianUnicode), "Jpeg");
    }

    private static byte[] Utf16Jpeg(Encoding encoding)
    {
        var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        JpegSegment(file, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. encoding.GetPreamble(), .. encoding.GetBytes(Packet(30))]);
        file.Write([0xFF, 0xD9]);
        return file.ToArray();
    }

    [Fact]
    public void Extended_XMP_is_measured_as_MetadataExtractor_joins_it_not_as_its_parts_lie_in_the_file()
    {
        // Ten levels a segment, each segment's header carrying "<" then a NUL (its offset, 0x00003C00): read part by part, the
        // file's bytes start the count again at every header; joined, the packet is thirty deep.
        var packet = Encoding.UTF8.GetBytes(Packet(30));
        var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        var guid = "0123456789ABCDEF0123456789ABCDEF"u8.ToArray();
        var parts = packet.Chunk(packet.Length / 4 + 1).ToList();
        foreach (var part in parts)
            JpegSegment(file, 0xE1, [.. "http://ns.adobe.com/xmp/extension/\0"u8, .. guid, .. BigEndian32(packet.Length), 0x00, 0x00, 0x3C, 0x00, .. part]);
        file.Write([0xFF, 0xD9]);
        AssertRefused(file.ToArray(), "Jpeg");
    }

    [Fact]
    public void A_PNG_packet_compressed_or_hex_encoded_as_a_raw_profile_is_measured_as_it_reads_once_unpacked()
    {
        var packet = Encoding.UTF8.GetBytes(Packet(30));
        AssertRefused(PngWith("iTXt", [.. "XML:com.adobe.xmp\0"u8, 1, 0, 0, 0, .. Deflated(packet)]), "Png");
        var hex = string.Join('\n', Convert.ToHexStringLower(packet).Chunk(72).Select(row => new string(row)));
        AssertRefused(PngWith("zTXt", [.. "Raw profile type xmp\0"u8, 0, .. Deflated(Encoding.ASCII.GetBytes($"\nxmp\n{packet.Length,8}\n{hex}\n"))]), "Png");
        AssertRefused(PngWith("tEXt", [.. "Raw profile type xmp\0"u8, .. Encoding.ASCII.GetBytes($"\nxmp\n{packet.Length,8}\n{hex}\n")]), "Png");
    }

    private static byte[] PngWith(string type, byte[] data)
    {
        var png = Png();
        var file = new MemoryStream();
        file.Write(png.AsSpan(0, png.Length - 12)); // all but IEND
        PngChunk(file, type, data);
        file.Write(png.AsSpan(png.Length - 12));
        return file.ToArray();
    }

    [Fact]
    public void XMP_as_real_files_write_it_is_read_in_a_large_photograph()
    {
        // A history of edits and a look's tone curve, as editors write them: about ten levels deep.
        var history = "<xmpMM:History><rdf:Seq>" + string.Concat(Enumerable.Range(0, 200).Select(i =>
            $"<rdf:li rdf:parseType=\"Resource\"><stEvt:action>saved</stEvt:action><stEvt:instanceID>xmp.iid:{i}</stEvt:instanceID></rdf:li>")) + "</rdf:Seq></xmpMM:History>";
        var look = "<crs:Look><rdf:Description crs:Name=\"a\"><crs:Parameters><rdf:Description><crs:ToneCurvePV2012><rdf:Seq>" +
            "<rdf:li>0, 0</rdf:li><rdf:li>255, 255</rdf:li></rdf:Seq></crs:ToneCurvePV2012></rdf:Description></crs:Parameters></rdf:Description></crs:Look>";
        var packet = XmpPacket(Json()).Replace("</rdf:Description></rdf:RDF>", history + look + "</rdf:Description></rdf:RDF>")
            .Replace("xmlns:TC260=", "xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" xmlns:stEvt=\"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#\" xmlns:crs=\"http://ns.adobe.com/camera-raw-settings/1.0/\" xmlns:TC260=");
        var photograph = Noise(2400, 1600);
        var file = new MemoryStream();
        file.Write(photograph.AsSpan(0, 2));
        JpegSegment(file, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(packet)]);
        file.Write(photograph.AsSpan(2));
        var reading = Reader.Read(file.ToArray());
        Assert.True(file.Length > 2_000_000);
        Assert.Equal(ImplicitLabelReadOutcome.Read, reading.Outcome);
        Assert.Equal(ImplicitLabelPlace.Xmp, Assert.Single(reading.Labels).Place);
    }

    /// <summary>Random pixels, so the compressed data is as varied as bytes get.</summary>
    private static byte[] Noise(int width, int height)
    {
        var random = new Random(45438);
        using var bitmap = new SKBitmap(width, height);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
    }
}
