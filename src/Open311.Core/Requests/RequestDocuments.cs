using Open311.Core.Protocol;

namespace Open311.Core.Requests;

/// <summary>The <c>service_requests</c> responses: lists, one request, the POST answer and the token answer.</summary>
public static class RequestDocuments
{
    /// <summary>Public fields only: the requester's personal data never appears here.</summary>
    public static Element List(IEnumerable<ServiceRequest> requests, bool extensions) =>
        Element.List("service_requests", requests.Select(r => Request(r, extensions)));

    /// <summary>
    /// What a POST returns: the id (realtime), the token (batch), or only the notice (blackbox). A duplicate
    /// (same external id) answers exactly as the first POST did.
    /// </summary>
    public static Element Created(ServiceRequest request, Services.ServiceType type) =>
        Element.List("service_requests", [Element.Object(
            "request",
            type == Services.ServiceType.Realtime ? Element.String("service_request_id", request.Id) : null,
            type == Services.ServiceType.Batch ? Element.String("token", request.Token) : null,
            Element.String("service_notice", request.ServiceNotice),
            Element.String("account_id", request.Requester.AccountId))]);

    public static Element Token(string token, string id) =>
        Element.List("service_requests", [Element.Object(
            "request",
            Element.String("service_request_id", id),
            Element.String("token", token))]);

    private static Element Request(ServiceRequest r, bool extensions) =>
        Element.Object(
            "request",
            Element.String("service_request_id", r.Id),
            Element.String("status", r.Status),
            Element.String("status_notes", r.StatusNotes),
            Element.String("service_name", r.ServiceName),
            Element.String("service_code", r.ServiceCode),
            Element.String("description", r.Description),
            Element.String("agency_responsible", r.AgencyResponsible),
            Element.String("service_notice", r.ServiceNotice),
            Element.DateTime("requested_datetime", r.RequestedAt),
            Element.DateTime("updated_datetime", r.UpdatedAt),
            Element.DateTime("expected_datetime", r.ExpectedAt),
            Element.String("address", r.Address),
            Element.String("address_id", r.AddressId),
            Element.String("zipcode", r.Zipcode),
            Element.Decimal("lat", r.Lat),
            Element.Decimal("long", r.Long),
            Element.String("media_url", r.MediaUrl),
            extensions ? Element.String("extended_status", r.ExtendedStatus ?? r.Status) : null,
            extensions ? Attributes(r) : null,
            extensions ? Notes(r) : null);

    private static Element Attributes(ServiceRequest r) =>
        Element.List("attributes", r.Attributes.SelectMany(a => a.Values.Select(v => Element.Object(
            "attribute",
            Element.String("code", a.Code),
            Element.String("value", v)))));

    private static Element Notes(ServiceRequest r) =>
        Element.List("notes", r.Notes.Where(n => n.IsPublic).Select(n => Element.Object(
            "note",
            Element.DateTime("datetime", n.Datetime),
            Element.String("type", n.Type),
            Element.String("summary", n.Summary),
            Element.String("description", n.Description))));
}
