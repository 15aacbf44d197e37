using Open311.Core.Intake;

namespace Open311.Connectors.Email;

/// <summary>
/// An e-mail as every provider delivers it, once read: raw MIME (the <c>mime</c> endpoint, SendGrid raw mode,
/// Mailgun's <c>body-mime</c>) or a provider's parsed fields (SendGrid, Mailgun, Postmark).
/// </summary>
public sealed record EmailContent
{
    public string? MessageId { get; init; }

    public string? Subject { get; init; }

    public string? Plain { get; init; }

    public string? Html { get; init; }

    /// <summary>The provider's own reply-stripped text (Mailgun <c>stripped-text</c>, Postmark <c>StrippedTextReply</c>).</summary>
    public string? Stripped { get; init; }

    public string? FromAddress { get; init; }

    public string? FromName { get; init; }

    /// <summary>Every address the message was sent to (To, Cc, the envelope recipient).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public DateTimeOffset? Date { get; init; }

    /// <summary>Sent by a machine (Auto-Submitted, bulk or list mail, a bounce): never acknowledged.</summary>
    public bool Automated { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    public RawPayload? Raw { get; init; }
}
