namespace Open311.Connectors.Email;

/// <summary>An e-mail source's own settings, beside the shared ones in the source document (snake_case JSON).</summary>
public sealed class EmailSettings
{
    /// <summary>
    /// The shared secret of the <c>mime</c>, <c>sendgrid</c> and <c>postmark</c> endpoints (write-only): sent as
    /// <c>?key=</c>, <c>Authorization: Bearer</c>, or the password of HTTP basic auth — whichever the sender can.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The basic-auth user name to expect with the secret; any when unset.</summary>
    public string? BasicUser { get; set; }

    /// <summary>Mailgun's HTTP webhook signing key (write-only): the <c>mailgun</c> endpoint verifies every delivery with it.</summary>
    public string? MailgunSigningKey { get; set; }

    /// <summary>
    /// Words of the recipient address (<c>potholes+riverton@…</c> → "potholes", "riverton") → jurisdiction id: a report
    /// sent to such an address is routed only inside that jurisdiction. Words also become category hints
    /// <c>to:{word}</c> for the source's <c>category_map</c>.
    /// </summary>
    public Dictionary<string, string>? JurisdictionMap { get; set; }

    /// <summary>Reply to the sender with the request id and where to follow it (never to automated or bulk mail).</summary>
    public bool Acknowledge { get; set; }

    /// <summary>The address acknowledgements come from (required when acknowledging).</summary>
    public string? ReplyFrom { get; set; }

    public string? ReplyName { get; set; }
}
