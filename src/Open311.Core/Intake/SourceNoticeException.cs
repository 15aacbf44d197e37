namespace Open311.Core.Intake;

/// <summary>A source could not be told of a status change now (it was down, or refused); the notice is kept for a retry.</summary>
public sealed class SourceNoticeException(string reason, Exception? inner = null) : Exception(reason, inner);
