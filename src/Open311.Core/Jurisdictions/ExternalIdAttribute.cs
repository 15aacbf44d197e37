using Open311.Core.Services;

namespace Open311.Core.Jurisdictions;

/// <summary>
/// The attribute every hosted service declares so that clients can make POSTs idempotent. FixMyStreet sends
/// <c>attribute[fixmystreet_id]</c> only when a definition declares that code, and re-POSTs failed sends forever;
/// a retry with the same value gets the first request back instead of a second one.
/// </summary>
public static class ExternalIdAttribute
{
    public const string Code = "fixmystreet_id";

    public static ServiceAttribute Create(int order) => new(
        Code,
        Variable: false,
        AttributeDatatype.String,
        Required: false,
        DatatypeDescription: "Set by the sending system, not by people.",
        order,
        "The sending system's own id for this report. A POST repeated with the same value returns the request already created.",
        []);
}
