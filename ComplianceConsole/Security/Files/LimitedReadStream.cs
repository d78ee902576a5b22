namespace ComplianceConsole.Security.Files;

/// <summary>
/// Reads another stream up to a limit and stops there: a read that would go past it ends the stream and sets <see cref="Exceeded"/>,
/// so a declared size that lies (a zip entry, a Content-Length) cannot make anyone read more.
/// </summary>
public sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    /// <summary>Bytes taken from the inner stream: at most the limit plus the one byte that showed there was more.</summary>
    public long BytesRead { get; private set; }

    public bool Exceeded { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (Exceeded || buffer.Length == 0) return 0;
        return Counted(inner.Read(buffer[..Allowed(buffer.Length)]));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Exceeded || buffer.Length == 0) return 0;
        return Counted(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // One byte beyond the limit is asked for, only to learn whether there is more.
    private int Allowed(int wanted) => (int)Math.Min(wanted, limit - BytesRead + 1);

    private int Counted(int read)
    {
        BytesRead += read;
        if (BytesRead <= limit) return read;
        Exceeded = true;
        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
