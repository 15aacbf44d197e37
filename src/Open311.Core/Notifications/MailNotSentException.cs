namespace Open311.Core.Notifications;

/// <summary>A mail transport refused a message or could not be reached.</summary>
public sealed class MailNotSentException(string message, Exception? inner = null) : Exception(message, inner);
