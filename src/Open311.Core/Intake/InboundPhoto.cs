namespace Open311.Core.Intake;

/// <summary>
/// A photo of a report, as its connector found it: a URL to fetch, bytes in hand (an e-mail attachment), or a way
/// to find the URL (a media id the source resolves). Copied after dedupe, so a redelivery fetches nothing.
/// </summary>
public sealed record InboundPhoto
{
    public string? Url { get; init; }

    public ReadOnlyMemory<byte>? Content { get; init; }

    /// <summary>Opens the bytes when they are needed (an e-mail part decoded as it is read).</summary>
    public Func<Stream>? Open { get; init; }

    /// <summary>Looks the URL up on the source (through the guarded client); null when there is none.</summary>
    public Func<CancellationToken, Task<string?>>? Resolve { get; init; }

    /// <summary>What the photo shows, as its author described it (alt text): kept in the description.</summary>
    public string? Caption { get; init; }
}
