namespace Open311.Core.Places;

/// <summary>
/// An address as a resident wrote it. <see cref="Street"/> and <see cref="CrossStreet"/> are as written, for
/// <see cref="StreetName.Normalize"/>; <see cref="Phrase"/> is the whole span, for the intake record's reason.
/// </summary>
public sealed record AddressMention(
    AddressMentionKind Kind,
    string? Number,
    string Street,
    string? CrossStreet,
    string? Unit,
    string Phrase);
