using Open311.Core.Requests;

namespace Open311.Core.Intake;

/// <summary>
/// A report as a connector found it (an Ushahidi post, a toot, an e-mail), before it is a service request.
/// <see cref="SourceId"/> + <see cref="ExternalId"/> identify it across webhook, poll and retry.
/// </summary>
public sealed record InboundReport
{
    public required string SourceId { get; init; }

    public required string ExternalId { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public double? Lat { get; init; }

    public double? Long { get; init; }

    /// <summary>How far the point may be from the truth, when the source rounds or hides locations.</summary>
    public double? AccuracyMeters { get; init; }

    public string? AddressText { get; init; }

    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    public Requester Contact { get; init; } = Requester.None;

    /// <summary>Category words from the source: tag names, survey fields, hashtags, mapped keys.</summary>
    public IReadOnlyList<string> CategoryHints { get; init; } = [];

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>A link back to the original (the post's page).</summary>
    public string? Url { get; init; }
}
