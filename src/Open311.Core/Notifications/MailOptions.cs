namespace Open311.Core.Notifications;

/// <summary>
/// Configuration section <c>Mail</c>: how this server sends e-mail. <c>Mail__Provider</c> is <c>Smtp</c> (any SMTP
/// server, e.g. the town's own or Azure Communication Services' SMTP relay) or <c>AzureCommunicationServices</c> (its
/// REST API with the app's managed identity); unset sends nothing.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Provider { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>StartTls (default), SslOnConnect, or None (only for a relay on the same machine or network).</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The Communication Services resource, e.g. https://open311-mail.europe.communication.azure.com.</summary>
    public string? AcsEndpoint { get; set; }

    /// <summary>Client id of the user-assigned identity that may send through it; empty: the default credential chain.</summary>
    public string? AcsClientId { get; set; }
}
