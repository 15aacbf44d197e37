using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Open311.Core.Notifications;

namespace Open311.Connectors.Mail;

/// <summary>
/// Mail through any SMTP server with MailKit (<c>Mail__Provider=Smtp</c>): the town's own, a relay, or Azure
/// Communication Services' SMTP endpoint (smtp.azurecomm.net with an Entra application's credentials).
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool Configured => options.Value.SmtpHost is { Length: > 0 };

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Headers.Add("Auto-Submitted", "auto-replied");
        if (mail.InReplyTo is { } original)
        {
            message.InReplyTo = original;
            message.References.Add(original);
        }

        message.Body = new TextPart("plain") { Text = mail.Text };
        using var smtp = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var security = o.SmtpSecurity switch
            {
                "SslOnConnect" => SecureSocketOptions.SslOnConnect,
                "None" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(o.SmtpHost ?? throw new MailNotSentException("Mail__SmtpHost is not set"), o.SmtpPort, security, cancellationToken);
            if (o.SmtpUser is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, o.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException or SslHandshakeException or ParseException)
        {
            throw new MailNotSentException($"the SMTP server did not take it ({ex.Message})", ex);
        }
    }
}
