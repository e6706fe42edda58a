using Microsoft.AspNetCore.Http;

namespace PodcastFactory.Core.Api;

/// <summary>
/// A read-only view of a request body that throws <see cref="BadHttpRequestException"/> (413) as soon as more than
/// the cap has been read, whatever the transfer encoding: a chunked body has no Content-Length to check up front.
/// </summary>
/// <param name="inner">The request body.</param>
/// <param name="maxBytes">Largest number of bytes allowed.</param>
public sealed class CappedReadStream(Stream inner, long maxBytes) : Stream
{
    long _read;

    /// <summary>The error thrown when the cap is passed (also used for a Content-Length over the cap).</summary>
    public static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    int Count(int read)
    {
        _read += read;
        return _read > maxBytes ? throw TooLarge(maxBytes) : read;
    }
}
