using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// Rewrites the zip that SpreadCheetah wrote into one whose bytes depend on its contents alone: every entry's time is
/// the DOS epoch (1980-01-01 00:00), no data descriptors or extra fields, entries in their written order. Entries
/// named in <c>rewrites</c> (small XML parts: the cover with its digest, row count and signature filled in, the
/// document properties with their creation time) are decompressed, rewritten and compressed again; all others are copied as they are compressed.
/// </summary>
public static class DeterministicZip
{
    private const uint LocalHeaderSignature = 0x04034b50, CentralHeaderSignature = 0x02014b50, EndSignature = 0x06054b50;
    private const ushort DosEpochTime = 0, DosEpochDate = (0 << 9) | (1 << 5) | 1;
    private const ushort VersionNeeded = 20, MethodStored = 0, MethodDeflate = 8;

    public static async Task RewriteAsync(Stream source, Stream destination, IReadOnlyDictionary<string, Func<string, string>> rewrites,
        CancellationToken cancellationToken)
    {
        var entries = await ReadCentralDirectoryAsync(source, cancellationToken);
        var written = new List<(Entry Entry, uint Offset)>(entries.Count);
        long offset = 0;
        foreach (var entry in entries)
        {
            var output = rewrites.TryGetValue(entry.Name, out var rewrite)
                ? Recompress(entry, await ReadTextAsync(source, entry, cancellationToken), rewrite)
                : entry;
            if (offset > uint.MaxValue) throw new NotSupportedException("Workbooks past 4 GB (zip64) are not supported.");
            written.Add((output, (uint)offset));
            var header = LocalHeader(output);
            await destination.WriteAsync(header, cancellationToken);
            offset += header.Length;
            if (output.Replacement is { } replacement) await destination.WriteAsync(replacement, cancellationToken);
            else await CopyRawAsync(source, entry, destination, cancellationToken);
            offset += output.CompressedSize;
        }

        var centralStart = offset;
        foreach (var (entry, entryOffset) in written)
        {
            var header = CentralHeader(entry, entryOffset);
            await destination.WriteAsync(header, cancellationToken);
            offset += header.Length;
        }
        await destination.WriteAsync(End(written.Count, (uint)(offset - centralStart), (uint)centralStart), cancellationToken);
    }

    private sealed record Entry(string Name, ushort Method, uint Crc, uint CompressedSize, uint UncompressedSize, uint LocalOffset, byte[]? Replacement = null);

    private static async Task<List<Entry>> ReadCentralDirectoryAsync(Stream source, CancellationToken cancellationToken)
    {
        var tailLength = (int)Math.Min(source.Length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        source.Position = source.Length - tailLength;
        await source.ReadExactlyAsync(tail, cancellationToken);
        var end = tail.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (end < 0) throw new InvalidDataException("Not a zip file: no end of central directory.");
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        var start = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (count == ushort.MaxValue || size == uint.MaxValue || start == uint.MaxValue) throw new NotSupportedException("zip64 is not supported.");

        var directory = new byte[size];
        source.Position = start;
        await source.ReadExactlyAsync(directory, cancellationToken);
        var entries = new List<Entry>(count);
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var span = directory.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(span) != CentralHeaderSignature) throw new InvalidDataException("Corrupt central directory.");
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[32..]);
            var entry = new Entry(
                Encoding.UTF8.GetString(span.Slice(46, nameLength)),
                BinaryPrimitives.ReadUInt16LittleEndian(span[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[16..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[24..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[42..]));
            if (entry.CompressedSize == uint.MaxValue || entry.UncompressedSize == uint.MaxValue || entry.LocalOffset == uint.MaxValue)
            {
                throw new NotSupportedException("zip64 entries are not supported.");
            }
            entries.Add(entry);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static async Task<long> DataStartAsync(Stream source, Entry entry, CancellationToken cancellationToken)
    {
        var header = new byte[30];
        source.Position = entry.LocalOffset;
        await source.ReadExactlyAsync(header, cancellationToken);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature) throw new InvalidDataException("Corrupt local header.");
        return entry.LocalOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
    }

    private static async Task CopyRawAsync(Stream source, Entry entry, Stream destination, CancellationToken cancellationToken)
    {
        source.Position = await DataStartAsync(source, entry, cancellationToken);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var left = (long)entry.CompressedSize;
            while (left > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0) throw new EndOfStreamException();
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> ReadTextAsync(Stream source, Entry entry, CancellationToken cancellationToken)
    {
        source.Position = await DataStartAsync(source, entry, cancellationToken);
        var compressed = new byte[entry.CompressedSize];
        await source.ReadExactlyAsync(compressed, cancellationToken);
        if (entry.Method == MethodStored) return Encoding.UTF8.GetString(compressed);
        await using var inflate = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(inflate, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Entry Recompress(Entry entry, string text, Func<string, string> rewrite)
    {
        var plain = Encoding.UTF8.GetBytes(rewrite(text));
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(plain);
        var bytes = compressed.ToArray();
        return entry with { Method = MethodDeflate, Crc = Crc32.Compute(plain), CompressedSize = (uint)bytes.Length, UncompressedSize = (uint)plain.Length, Replacement = bytes };
    }

    private static byte[] LocalHeader(Entry entry)
    {
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var header = new byte[30 + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], DosEpochTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosEpochDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0);
        name.CopyTo(span[30..]);
        return header;
    }

    private static byte[] CentralHeader(Entry entry, uint localOffset)
    {
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var header = new byte[46 + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosEpochTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], DosEpochDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], localOffset);
        name.CopyTo(span[46..]);
        return header;
    }

    private static byte[] End(int count, uint size, uint offset)
    {
        var end = new byte[22];
        var span = end.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], offset);
        return end;
    }

    /// <summary>The zip format's CRC-32 (IEEE 802.3), for the few small entries rewritten here.</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        public static uint Compute(ReadOnlySpan<byte> data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }
    }
}
