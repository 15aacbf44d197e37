namespace Open311.Connectors.Email;

/// <summary>
/// A file carried by an e-mail (attached or inline). Its bytes are decoded only when read: a redelivered message's
/// photos are never decoded, and reading a photo's GPS decodes only its first segments.
/// </summary>
public sealed record EmailAttachment(string? FileName, string? ContentType, Func<Stream> Open)
{
    public static EmailAttachment FromBytes(string? fileName, string? contentType, byte[] content) =>
        new(fileName, contentType, () => new MemoryStream(content, writable: false));
}
