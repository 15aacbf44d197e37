namespace Open311.Core.Requests;

/// <summary>
/// One entry of a request's history (the <c>notes</c> extension): opened, status changes, staff notes. <see cref="By"/>
/// names the staff member who made it; it and <see cref="Internal"/> notes are shown to staff only.
/// </summary>
public sealed record RequestNote(DateTimeOffset Datetime, string Type, string Summary, string? Description, string? By = null)
{
    /// <summary>The type of a staff member's note to colleagues: never in a public answer.</summary>
    public const string Internal = "internal";

    public bool IsPublic => Type != Internal;
}
