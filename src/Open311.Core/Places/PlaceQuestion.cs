namespace Open311.Core.Places;

/// <summary>What a report offers for its place, and what the source allows.</summary>
/// <param name="AddressText">The report's own address or place-name field, read first.</param>
/// <param name="Texts">Every text to look in, the address field first, then title and body.</param>
/// <param name="Jurisdictions">The towns the source serves (one when the report names it); null or empty: every town.</param>
/// <param name="StreetLevel">Whether a street alone may stand for the place (its middle, with its length as accuracy).</param>
/// <param name="OutsideGeocoder">Whether a configured outside geocoder may be asked when the town's own points do not know the address.</param>
public sealed record PlaceQuestion(string? AddressText, IReadOnlyList<string?> Texts, IReadOnlyCollection<string>? Jurisdictions, bool StreetLevel, bool OutsideGeocoder = true);
