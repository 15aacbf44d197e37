using System.Net;
using Open311.Core.Protocol;

namespace Open311.Core.Outbound;

/// <summary>An answer's body that throws <see cref="OutboundRefusedException"/> once more than a limit has been read.</summary>
internal sealed class BoundedContent : HttpContent
{
    private readonly HttpContent inner;
    private readonly long maxBytes;

    public BoundedContent(HttpContent inner, long maxBytes)
    {
        this.inner = inner;
        this.maxBytes = maxBytes;
        foreach (var (name, values) in inner.Headers)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        await CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new LimitedStream(
            await inner.ReadAsStreamAsync(cancellationToken),
            maxBytes,
            () => new OutboundRefusedException($"The answer is larger than {maxBytes:N0} bytes; reading stopped there."));

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
