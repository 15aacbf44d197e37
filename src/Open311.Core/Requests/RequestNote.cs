namespace Open311.Core.Requests;

/// <summary>One entry of a request's history (the <c>notes</c> extension): opened, status changes, staff notes.</summary>
public sealed record RequestNote(DateTimeOffset Datetime, string Type, string Summary, string? Description);
