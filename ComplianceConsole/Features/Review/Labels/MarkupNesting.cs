using System.Buffers.Binary;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// An upper bound on how deeply the elements of any XML document inside some bytes could nest, and on how many elements
/// it could have, whatever the bytes around it. XmpCore 6.1.10, which MetadataExtractor hands every XMP packet it finds,
/// walks a packet recursively, and MetadataExtractor's walk of the parsed properties doubles its work with each level of
/// nesting: a packet of one kilobyte 27 levels deep costs seconds, 40 levels hours, and some thousands of nested elements
/// overflow the stack, which ends the process. Neither can be stopped once begun, so a file is measured before it is read.
/// <para>
/// The bytes are read in every encoding XmpCore accepts (UTF-8 or Latin-1; UTF-16 and UTF-32 either way round, at every
/// alignment). In each, a start tag counts one deeper and an end tag one shallower; the count starts again wherever no
/// well-formed document can run through (a <c>&lt;</c> that begins no markup, or inside a tag), which is all but
/// everywhere in image or video data. Once markup is seen inside what may be a comment, a processing instruction or CDATA,
/// end tags may be text, and none is counted until the next fresh start: the bound only ever errs high.
/// </para>
/// </summary>
public static class MarkupNesting
{
    public static bool Within(ReadOnlySpan<byte> bytes, int maxDepth, int maxElements)
    {
        if (!Within(new Units(bytes, 1, false, 0), maxDepth, maxElements)) return false;
        foreach (var width in (ReadOnlySpan<int>)[2, 4])
            for (var offset = 0; offset < width && offset < bytes.Length; offset++)
                if (!Within(new Units(bytes, width, false, offset), maxDepth, maxElements)
                    || !Within(new Units(bytes, width, true, offset), maxDepth, maxElements))
                    return false;
        return true;
    }

    private static bool Within(Units text, int maxDepth, int maxElements)
    {
        var (depth, elements, endsAreTags) = (0, 0, true);
        for (var at = text.NextOpen(0); at < text.Count;)
        {
            var next = text[at + 1];
            if (next == '/')
            {
                var end = text.TagEnd(at + 2, out _);
                if (end < 0) (depth, elements, endsAreTags) = (0, 0, true);
                else if (endsAreTags && depth > 0) depth--;
                at = text.NextOpen(end < 0 ? at + 1 : end + 1);
            }
            else if (SpanEnding(text, at) is { } ending)
            {
                var end = text.SpanEnd(at + 2, ending);
                if (end < 0) endsAreTags = false;
                at = text.NextOpen(end < 0 ? at + 1 : end);
            }
            else if (IsNameStart(next))
            {
                var end = text.TagEnd(at + 2, out var selfClosing);
                if (end < 0) (depth, elements, endsAreTags) = (0, 0, true);
                else if (++elements > maxElements || (!selfClosing && ++depth > maxDepth)) return false;
                at = text.NextOpen(end < 0 ? at + 1 : end + 1);
            }
            else
            {
                (depth, elements, endsAreTags) = (0, 0, true);
                at = text.NextOpen(at + 1);
            }
        }
        return true;
    }

    /// <summary>What ends the processing instruction, comment or CDATA section opening at <paramref name="at"/>, if one does.</summary>
    private static string? SpanEnding(Units text, int at) =>
        text[at + 1] == '?' ? "?>"
        : text.Follows(at + 1, "!--") ? "-->"
        : text.Follows(at + 1, "![CDATA[") ? "]]>"
        : null;

    // Every unit from 0x80 up may begin a name: in Latin-1, which XmpCore falls back on, each is a letter or near enough.
    private static bool IsNameStart(int unit) => unit is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '_' or ':' or >= 0x80;

    /// <summary>The bytes as a sequence of code units of one width and byte order, from one offset.</summary>
    private readonly ref struct Units(ReadOnlySpan<byte> bytes, int width, bool bigEndian, int offset)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Count { get; } = Math.Max(0, (bytes.Length - offset) / width);

        /// <summary>The unit at <paramref name="index"/>, or -1 past the end; a UTF-32 unit past int's range reads as its largest.</summary>
        public int this[int index]
        {
            get
            {
                if (index >= Count) return -1;
                var unit = _bytes[(offset + index * width)..];
                return width switch
                {
                    1 => unit[0],
                    2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(unit) : BinaryPrimitives.ReadUInt16LittleEndian(unit),
                    _ => (int)Math.Min(int.MaxValue, bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(unit) : BinaryPrimitives.ReadUInt32LittleEndian(unit)),
                };
            }
        }

        /// <summary>The index of the next <c>&lt;</c> from <paramref name="index"/>, or <see cref="Count"/>.</summary>
        public int NextOpen(int index)
        {
            Span<byte> open = stackalloc byte[width];
            open[bigEndian ? width - 1 : 0] = (byte)'<';
            for (var from = offset + index * width; from + width <= _bytes.Length;)
            {
                var found = _bytes[from..].IndexOf(open);
                if (found < 0) break;
                var position = from + found;
                if ((position - offset) % width == 0) return (position - offset) / width;
                from = position + 1;
            }
            return Count;
        }

        public bool Follows(int index, string expected)
        {
            for (var i = 0; i < expected.Length; i++)
                if (this[index + i] != expected[i]) return false;
            return true;
        }

        /// <summary>
        /// The index of the <c>&gt;</c> that ends the tag whose name began before <paramref name="index"/> (quotes respected), or -1
        /// when a <c>&lt;</c> or the end comes first: a <c>&lt;</c> is allowed neither in a tag nor in an attribute's value.
        /// </summary>
        public int TagEnd(int index, out bool selfClosing)
        {
            selfClosing = false;
            var quote = 0;
            for (var i = index; i < Count; i++)
            {
                var unit = this[i];
                if (unit == '<') return -1;
                if (quote != 0)
                {
                    if (unit == quote) quote = 0;
                }
                else if (unit is '"' or '\'') quote = unit;
                else if (unit == '>')
                {
                    selfClosing = this[i - 1] == '/';
                    return i;
                }
            }
            return -1;
        }

        /// <summary>The index just past <paramref name="ending"/>, or -1 when a <c>&lt;</c> or the end comes first.</summary>
        public int SpanEnd(int index, string ending)
        {
            for (var i = index; i < Count; i++)
            {
                if (this[i] == '<') return -1;
                if (Follows(i, ending)) return i + ending.Length;
            }
            return -1;
        }
    }
}
