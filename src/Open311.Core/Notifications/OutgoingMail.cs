namespace Open311.Core.Notifications;

/// <summary>
/// A plain-text e-mail this server sends. Always marked <c>Auto-Submitted: auto-replied</c> (RFC 3834), so other
/// robots do not answer it and no loop starts.
/// </summary>
public sealed record OutgoingMail(string From, string? FromName, string To, string Subject, string Text, string? InReplyTo);
