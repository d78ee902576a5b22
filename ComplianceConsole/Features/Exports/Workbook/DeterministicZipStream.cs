using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// Takes the zip that SpreadCheetah writes and passes on, as it is written, one whose bytes depend on its contents alone:
/// every entry's compressed bytes go straight to the destination under a local header of its own (dated the DOS epoch
/// 1980-01-01 00:00, no extra fields), with its CRC and sizes in a data descriptor after them, as in any zip written in one
/// pass. The workbook is never written twice, nor kept on disk or in memory: a second pass over a scratch file was a tenth
/// of a million-row export's time. The entries named as held (small XML parts whose text is final only at the end: the cover
/// with its digest, row count and signature, the document properties with their creation time) are kept in memory, and
/// <see cref="FinishAsync"/> writes them rewritten after all the others, then the central directory, which lists every entry
/// in SpreadCheetah's order.
/// The stream is seekable as far as <see cref="ZipArchive"/> needs it: once an entry is written, ZipArchive goes back to its
/// local header to fill in the CRC and sizes, which is also how this stream learns that the entry's data has ended.
/// </summary>
public sealed class DeterministicZipStream(Stream destination, IReadOnlySet<string> held) : Stream
{
    private const uint LocalHeaderSignature = 0x04034b50, DataDescriptorSignature = 0x08074b50, CentralHeaderSignature = 0x02014b50,
        EndSignature = 0x06054b50;
    private const int LocalHeaderSize = 30, DataDescriptorSize = 16;
    private const ushort DosEpochTime = 0, DosEpochDate = (0 << 9) | (1 << 5) | 1;
    private const ushort VersionNeeded = 20, MethodStored = 0, MethodDeflate = 8, DataDescriptorFlag = 1 << 3;

    private readonly List<Entry> _entries = [];
    private readonly MemoryStream _header = new();
    private long _length, _position, _written, _headerStart;
    private int _headerLength;
    private Entry? _current;
    private MemoryStream? _heldData;
    private bool _patched, _inCentralDirectory;

    private sealed class Entry(string name, ushort method)
    {
        public string Name { get; } = name;
        public ushort Method { get; set; } = method;
        public uint Crc { get; set; }
        public uint CompressedSize { get; set; }
        public uint UncompressedSize { get; set; }
        public long Offset { get; set; }
        public byte[]? Held { get; set; }

        /// <summary>Written as it came, so its CRC and sizes follow its data.</summary>
        public bool Streamed => Held is null;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < _length)
        {
            Patch(buffer.Span);
            return;
        }
        var at = _position;
        _position = _length = at + buffer.Length;
        while (buffer.Length > 0 && !_inCentralDirectory)
        {
            if (_current is null)
            {
                buffer = TakeHeader(buffer, at, out var taken);
                at += taken;
                if (_current is not null) await StartEntryAsync(cancellationToken);
            }
            else if (_patched)
            {
                await EndEntryAsync(cancellationToken);
            }
            else
            {
                if (_heldData is { } heldData) heldData.Write(buffer.Span);
                else await destination.WriteAsync(buffer, cancellationToken);
                _written += _heldData is null ? buffer.Length : 0;
                _current.CompressedSize += (uint)buffer.Length;
                at += buffer.Length;
                buffer = ReadOnlyMemory<byte>.Empty;
            }
        }
        // What follows the last entry is SpreadCheetah's central directory: FinishAsync writes this stream's own.
    }

    /// <summary>
    /// Writes the held entries, each rewritten by its function in <paramref name="rewrites"/>, and the central directory. Call it once
    /// SpreadCheetah has finished its workbook.
    /// </summary>
    public async Task FinishAsync(IReadOnlyDictionary<string, Func<string, string>> rewrites, CancellationToken cancellationToken)
    {
        if (_current is not null && _patched) await EndEntryAsync(cancellationToken);
        if (!_inCentralDirectory || _current is not null) throw new InvalidOperationException("The workbook's zip is not finished.");
        foreach (var entry in _entries.Where(e => !e.Streamed))
        {
            var rewrite = rewrites.GetValueOrDefault(entry.Name) ?? throw new InvalidOperationException($"No rewrite for the held entry {entry.Name}.");
            var plain = Encoding.UTF8.GetBytes(rewrite(await TextOfAsync(entry, cancellationToken)));
            var compressed = new MemoryStream();
            await using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) await deflate.WriteAsync(plain, cancellationToken);
            (entry.Method, entry.Crc, entry.CompressedSize, entry.UncompressedSize, entry.Offset) =
                (MethodDeflate, Crc32.Compute(plain), (uint)compressed.Length, (uint)plain.Length, _written);
            await WriteOutAsync(LocalHeader(entry), cancellationToken);
            await WriteOutAsync(compressed.ToArray(), cancellationToken);
        }
        var centralStart = _written;
        foreach (var entry in _entries) await WriteOutAsync(CentralHeader(entry), cancellationToken);
        await WriteOutAsync(End(_entries.Count, _written - centralStart, centralStart), cancellationToken);
    }

    /// <summary>Collects the next local header's bytes; once it is whole, the entry it opens is current.</summary>
    private ReadOnlyMemory<byte> TakeHeader(ReadOnlyMemory<byte> buffer, long at, out int taken)
    {
        if (_header.Length == 0) _headerStart = at;
        var wanted = (_header.Length < LocalHeaderSize ? LocalHeaderSize : _headerLength) - (int)_header.Length;
        taken = Math.Min(wanted, buffer.Length);
        _header.Write(buffer.Span[..taken]);
        if (_header.Length == LocalHeaderSize)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(Header());
            if (signature is CentralHeaderSignature or EndSignature)
            {
                _inCentralDirectory = true;
                return ReadOnlyMemory<byte>.Empty;
            }
            if (signature != LocalHeaderSignature) throw new InvalidDataException("Corrupt local header.");
            _headerLength = LocalHeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(Header()[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(Header()[28..]);
        }
        if (_header.Length >= LocalHeaderSize && _header.Length == _headerLength)
        {
            var header = Header();
            if ((BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) & DataDescriptorFlag) != 0) throw new NotSupportedException("A zip written without seeking is not expected.");
            _current = new Entry(Encoding.UTF8.GetString(header.Slice(LocalHeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(header[26..]))),
                BinaryPrimitives.ReadUInt16LittleEndian(header[8..]));
        }
        return buffer[taken..];
    }

    private async Task StartEntryAsync(CancellationToken cancellationToken)
    {
        var entry = _current!;
        if (held.Contains(entry.Name))
        {
            _heldData = new MemoryStream();
        }
        else
        {
            entry.Offset = _written;
            await WriteOutAsync(LocalHeader(entry), cancellationToken);
        }
        // ZipArchive writes an empty entry's header with its final (zero) sizes, stored, and never comes back to it.
        if (entry.Method == MethodStored) _patched = true;
    }

    /// <summary>ZipArchive came back to the current entry's local header: its CRC and sizes are final, so its data has ended.</summary>
    private void Patch(ReadOnlySpan<byte> bytes)
    {
        var offset = _position - _headerStart;
        if (_current is null || offset < 0 || offset + bytes.Length > _headerLength) throw new NotSupportedException("A write back outside the current entry's header.");
        _header.Position = offset;
        _header.Write(bytes);
        _position += bytes.Length;
        _patched = true;
    }

    private async Task EndEntryAsync(CancellationToken cancellationToken)
    {
        var entry = _current!;
        var header = Header();
        var (compressed, uncompressed) = (BinaryPrimitives.ReadUInt32LittleEndian(header[18..]), BinaryPrimitives.ReadUInt32LittleEndian(header[22..]));
        if (compressed == uint.MaxValue || uncompressed == uint.MaxValue) throw new NotSupportedException("zip64 entries are not supported.");
        if (compressed != entry.CompressedSize) throw new InvalidDataException($"The entry {entry.Name} is not as long as its header says.");
        (entry.Crc, entry.UncompressedSize) = (BinaryPrimitives.ReadUInt32LittleEndian(header[14..]), uncompressed);
        if (_heldData is { } heldData) entry.Held = heldData.ToArray();
        else await WriteOutAsync(DataDescriptor(entry), cancellationToken);
        _entries.Add(entry);
        (_current, _heldData, _patched, _headerLength) = (null, null, false, 0);
        _header.SetLength(0);
    }

    private Span<byte> Header() => _header.GetBuffer().AsSpan(0, (int)_header.Length);

    private async Task WriteOutAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(bytes, cancellationToken);
        _written += bytes.Length;
    }

    private static async Task<string> TextOfAsync(Entry entry, CancellationToken cancellationToken)
    {
        if (entry.Method == MethodStored) return Encoding.UTF8.GetString(entry.Held!);
        await using var inflate = new DeflateStream(new MemoryStream(entry.Held!), CompressionMode.Decompress);
        using var reader = new StreamReader(inflate, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static byte[] LocalHeader(Entry entry)
    {
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var header = new byte[LocalHeaderSize + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], entry.Streamed ? DataDescriptorFlag : (ushort)0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], DosEpochTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosEpochDate);
        if (!entry.Streamed)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[14..], entry.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[18..], entry.CompressedSize);
            BinaryPrimitives.WriteUInt32LittleEndian(span[22..], entry.UncompressedSize);
        }
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        name.CopyTo(span[LocalHeaderSize..]);
        return header;
    }

    private static byte[] DataDescriptor(Entry entry)
    {
        var descriptor = new byte[DataDescriptorSize];
        var span = descriptor.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, DataDescriptorSignature);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], entry.UncompressedSize);
        return descriptor;
    }

    private static byte[] CentralHeader(Entry entry)
    {
        if (entry.Offset > uint.MaxValue) throw new NotSupportedException("Workbooks past 4 GB (zip64) are not supported.");
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var header = new byte[46 + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], entry.Streamed ? DataDescriptorFlag : (ushort)0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosEpochTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], DosEpochDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)entry.Offset);
        name.CopyTo(span[46..]);
        return header;
    }

    private static byte[] End(int count, long size, long offset)
    {
        if (offset > uint.MaxValue) throw new NotSupportedException("Workbooks past 4 GB (zip64) are not supported.");
        var end = new byte[22];
        var span = end.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)offset);
        return end;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => _length + offset };
        if (position < 0 || position > _length) throw new NotSupportedException("A seek outside what was written.");
        return _position = position;
    }

    public override bool CanRead => false;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _position; set => Seek(value, SeekOrigin.Begin); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

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
