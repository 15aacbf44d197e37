namespace Open311.Connectors.Email;

/// <summary>A file carried by an e-mail (attached or inline).</summary>
public sealed record EmailAttachment(string? FileName, string? ContentType, byte[] Content);
