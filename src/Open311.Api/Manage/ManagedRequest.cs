using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Api.Manage;

/// <summary>A request as staff see it through the manage API: the public fields plus requester, history and ids.</summary>
public sealed record ManagedRequest(
    string ServiceRequestId,
    string JurisdictionId,
    string Status,
    string? StatusNotes,
    string? ExtendedStatus,
    string ServiceCode,
    string? ServiceName,
    string? Description,
    string? AgencyResponsible,
    string RequestedDatetime,
    string UpdatedDatetime,
    string? ExpectedDatetime,
    string? Address,
    string? AddressId,
    double? Lat,
    double? Long,
    string? MediaUrl,
    string? Token,
    string? ExternalId,
    bool Private,
    Requester Requester,
    IReadOnlyList<SubmittedAttribute> Attributes,
    IReadOnlyList<ManagedRequest.Note> Notes)
{
    public static ManagedRequest From(ServiceRequest r) => new(
        r.Id,
        r.JurisdictionId,
        r.Status,
        r.StatusNotes,
        r.ExtendedStatus,
        r.ServiceCode,
        r.ServiceName,
        r.Description,
        r.AgencyResponsible,
        Open311Time.Format(r.RequestedAt),
        Open311Time.Format(r.UpdatedAt),
        r.ExpectedAt is { } e ? Open311Time.Format(e) : null,
        r.Address,
        r.AddressId,
        r.Lat,
        r.Long,
        r.MediaUrl,
        r.Token,
        r.ExternalId,
        r.Private,
        r.Requester,
        r.Attributes,
        r.Notes.Select(n => new Note(Open311Time.Format(n.Datetime), n.Type, n.Summary, n.Description, n.By)).ToList());

    /// <summary>A history entry with its time in the same form as every other timestamp of the API, and who made it.</summary>
    public sealed record Note(string Datetime, string Type, string Summary, string? Description, string? By);
}
