using Open311.Core.Requests;

namespace Open311.Core.Intake;

/// <summary>
/// A report as a connector found it (a crisis-map post, a toot, an e-mail), before it is a service request.
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

    /// <summary>Where the report says it is, in words ("outside 12 Main St"): kept for a person (or the place-finder).</summary>
    public string? AddressText { get; init; }

    public IReadOnlyList<InboundPhoto> Photos { get; init; } = [];

    public Requester Contact { get; init; } = Requester.None;

    /// <summary>Category words from the source: tag names, survey fields, hashtags, mapped keys.</summary>
    public IReadOnlyList<string> CategoryHints { get; init; } = [];

    /// <summary>A jurisdiction the source itself names (an e-mail's plus-address): routing stays inside it.</summary>
    public string? JurisdictionId { get; init; }

    /// <summary>Text for staff only (a phone number in a survey field, the sender's signature): on the intake record, never public.</summary>
    public string? PrivateDetails { get; init; }

    /// <summary>Sent by a machine (an auto-reply, bulk or list mail, a bot): it may become a request, but it is never answered.</summary>
    public bool Automated { get; init; }

    /// <summary>Why the connector could not read the report (a broken e-mail): it is recorded as rejected, with this reason.</summary>
    public string? Problem { get; init; }

    /// <summary>What the connector noticed and set aside (an attachment that is not an image): added to the record's reason.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The payload as it arrived (an e-mail's MIME), kept in storage for staff when set.</summary>
    public RawPayload? Raw { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>A link back to the original (the post's page).</summary>
    public string? Url { get; init; }

    /// <summary>Set when the post passes on another (a retweet, boost or quote-post): the original's external id. Never a new request.</summary>
    public string? RepostOf { get; init; }

    /// <summary>The external id of the post this one answers: a reply to a report is added to that report, not made a request.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>When the author last edited it; a later edit of a report already taken in is noted on its record.</summary>
    public DateTimeOffset? EditedAt { get; init; }
}
