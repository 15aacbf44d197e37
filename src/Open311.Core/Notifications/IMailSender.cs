namespace Open311.Core.Notifications;

/// <summary>Sends e-mail (acknowledgements, status updates): SMTP, Azure Communication Services, or nothing when none is configured.</summary>
public interface IMailSender
{
    /// <summary>Whether a transport is configured; when not, nothing is sent and callers note why.</summary>
    bool Configured { get; }

    /// <exception cref="MailNotSentException">The transport refused or could not be reached; the message says why.</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
