namespace PodcastFactory.Core.Tests.Audio;

/// <summary>A pipe-like stream: forward-only, no length, no position; readable over bytes or writable into a buffer.</summary>
internal sealed class NonSeekableStream : Stream
{
    readonly MemoryStream _inner;

    public NonSeekableStream(byte[] content) => _inner = new MemoryStream(content, writable: false);

    public NonSeekableStream() => _inner = new MemoryStream();

    public byte[] Written => _inner.ToArray();

    public override bool CanRead => _inner.CanRead && !_inner.CanWrite;
    public override bool CanSeek => false;
    public override bool CanWrite => _inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    // Returns at most 1000 bytes per read, as pipes deliver data in pieces.
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1000));
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
