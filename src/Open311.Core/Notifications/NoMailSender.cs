namespace Open311.Core.Notifications;

/// <summary>The sender when no transport is configured (<c>Mail__Provider</c> unset): sends nothing, says so.</summary>
public sealed class NoMailSender : IMailSender
{
    public bool Configured => false;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        throw new MailNotSentException("no mail transport is configured (Mail__Provider)");
}
