using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Exports.Storage;

/// <summary>
/// An export file at rest: the workbook in 1 MiB chunks, each sealed on its own with the personal-data key
/// (<see cref="PiiProtector.EncryptBytes"/>) and prefixed by its length, so writing and downloading stream in
/// constant memory. The SHA-256 and size are those of the workbook itself, as the history shows them.
/// </summary>
public sealed class EncryptedExportWriter(Stream file, PiiProtector protector) : Stream
{
    private const int ChunkSize = 1 << 20;
    private readonly byte[] _chunk = new byte[ChunkSize];

    // Each chunk is sealed into the same buffer, after its length: a new MiB array a chunk was garbage the GC kept for a while.
    private readonly byte[] _sealed = new byte[sizeof(int) + PiiProtector.SealedLength(ChunkSize)];
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _filled;

    public long PlainLength { get; private set; }

    /// <summary>Seals the last chunk and returns the workbook's SHA-256 (lowercase hex).</summary>
    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        await SealAsync(cancellationToken);
        await file.FlushAsync(cancellationToken);
        return Convert.ToHexStringLower(_sha256.GetHashAndReset());
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _sha256.AppendData(buffer.Span);
        PlainLength += buffer.Length;
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer.Span[..take].CopyTo(_chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == ChunkSize) await SealAsync(cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private async Task SealAsync(CancellationToken cancellationToken)
    {
        if (_filled == 0) return;
        var length = PiiProtector.SealedLength(_filled);
        BinaryPrimitives.WriteInt32LittleEndian(_sealed, length);
        protector.EncryptInto(_chunk.AsSpan(0, _filled), _sealed.AsSpan(sizeof(int), length));
        await file.WriteAsync(_sealed.AsMemory(0, sizeof(int) + length), cancellationToken);
        _filled = 0;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => PlainLength;
    public override long Position { get => PlainLength; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Reads an export file written by <see cref="EncryptedExportWriter"/> back as the workbook, chunk by chunk.</summary>
public sealed class EncryptedExportReader(Stream file, PiiProtector protector) : Stream
{
    private byte[] _plain = [];
    private int _position;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == _plain.Length && !await NextChunkAsync(cancellationToken)) return 0;
        var take = Math.Min(buffer.Length, _plain.Length - _position);
        _plain.AsMemory(_position, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private async Task<bool> NextChunkAsync(CancellationToken cancellationToken)
    {
        var length = new byte[4];
        var read = await file.ReadAtLeastAsync(length, 4, throwOnEndOfStream: false, cancellationToken);
        if (read == 0) return false;
        if (read < 4) throw new InvalidDataException("The export file is cut off.");
        var sealedChunk = new byte[BinaryPrimitives.ReadInt32LittleEndian(length)];
        await file.ReadExactlyAsync(sealedChunk, cancellationToken);
        _plain = protector.DecryptBytes(sealedChunk);
        _position = 0;
        return true;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
