using System.Security.Cryptography;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// The workbook's scratch file is encrypted (AES-256 in counter mode, so it can be read back at any position) under a key
/// made for this one export and held only in memory: a process killed mid-export leaves bytes nobody can decrypt, where
/// it used to leave a plain workbook with every name and identifier in it.
/// </summary>
internal sealed class ScratchCipher : IDisposable
{
    private const int BlockSize = 16;
    private readonly Aes _aes = Aes.Create();

    public ScratchCipher() => _aes.Key = RandomNumberGenerator.GetBytes(32);

    public Stream Create(string path) => new CipherFileStream(Security.Pii.EncryptedFiles.CreateOwnerOnly(path, FileMode.Create), this);

    public Stream Open(string path) =>
        new CipherFileStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.SequentialScan), this);

    /// <summary>XORs the bytes at <paramref name="position"/> of the file with the key stream there (encrypting and decrypting alike).</summary>
    private void Apply(Span<byte> data, long position)
    {
        var firstBlock = position / BlockSize;
        var skip = (int)(position % BlockSize);
        var blocks = (skip + data.Length + BlockSize - 1) / BlockSize;
        var counters = new byte[blocks * BlockSize];
        for (var i = 0; i < blocks; i++) System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counters.AsSpan(i * BlockSize + 8), firstBlock + i);
        var keyStream = _aes.EncryptEcb(counters, PaddingMode.None);
        for (var i = 0; i < data.Length; i++) data[i] ^= keyStream[skip + i];
    }

    public void Dispose() => _aes.Dispose();

    private sealed class CipherFileStream(FileStream file, ScratchCipher cipher) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var position = file.Position;
            var read = file.Read(buffer, offset, count);
            cipher.Apply(buffer.AsSpan(offset, read), position);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var position = file.Position;
            var read = await file.ReadAsync(buffer, cancellationToken);
            cipher.Apply(buffer.Span[..read], position);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => file.Write(Encrypted(buffer.AsSpan(offset, count)));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            file.WriteAsync(Encrypted(buffer.Span), cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private byte[] Encrypted(ReadOnlySpan<byte> plain)
        {
            var bytes = plain.ToArray();
            cipher.Apply(bytes, file.Position);
            return bytes;
        }

        public override bool CanRead => file.CanRead;
        public override bool CanSeek => true;
        public override bool CanWrite => file.CanWrite;
        public override long Length => file.Length;
        public override long Position { get => file.Position; set => file.Position = value; }
        public override void Flush() => file.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
        public override void SetLength(long value) => file.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
