using System.Text.Json;
using Azure.Data.Tables;
using Open311.Core.Requests;
using Open311.Storage.Tables;

namespace Open311.Storage.Requests;

/// <summary>Converts requests to table entities and back. Index rows get the public fields only.</summary>
public static class RequestEntityMapper
{
    /// <summary>Notes kept per request: the history is bounded so a row stays far below the 1 MiB entity limit.</summary>
    public const int MaxNotes = 50;

    public static TableEntity ToPrimary(ServiceRequest r)
    {
        var entity = ToIndex(r, RequestRows.Primary(r.Id));
        entity["Token"] = r.Token;
        entity["ExternalId"] = r.ExternalId;
        entity["Email"] = r.Requester.Email;
        entity["FirstName"] = r.Requester.FirstName;
        entity["LastName"] = r.Requester.LastName;
        entity["Phone"] = r.Requester.Phone;
        entity["DeviceId"] = r.Requester.DeviceId;
        entity["AccountId"] = r.Requester.AccountId;
        entity["UpdateCount"] = r.UpdateCount == 0 ? null : r.UpdateCount;
        return entity;
    }

    public static TableEntity ToIndex(ServiceRequest r, string rowKey) => new(RequestRows.Partition(r.JurisdictionId), rowKey)
    {
        ["Id"] = r.Id,
        ["ServiceCode"] = r.ServiceCode,
        ["ServiceName"] = r.ServiceName,
        ["Status"] = r.Status,
        ["StatusNotes"] = r.StatusNotes,
        ["ExtendedStatus"] = r.ExtendedStatus,
        ["Description"] = r.Description,
        ["AgencyResponsible"] = r.AgencyResponsible,
        ["ServiceNotice"] = r.ServiceNotice,
        ["RequestedAt"] = r.RequestedAt,
        ["UpdatedAt"] = r.UpdatedAt,
        ["ExpectedAt"] = r.ExpectedAt,
        ["Address"] = r.Address,
        ["AddressId"] = r.AddressId,
        ["Zipcode"] = r.Zipcode,
        ["Lat"] = r.Lat,
        ["Long"] = r.Long,
        ["MediaUrl"] = r.MediaUrl,
        ["Attributes"] = r.Attributes.Count == 0 ? null : JsonSerializer.Serialize(r.Attributes, StorageJson.Compact),
        ["Notes"] = r.Notes.Count == 0 ? null : NotesJson(r.Notes),
        ["Private"] = r.Private ? true : null,
    };

    /// <summary>A string property holds 64 KiB (32,768 UTF-16 characters); the JSON is kept well below.</summary>
    public const int MaxJsonLength = 30_000;

    /// <summary>The newest notes that fit; the opening note is always kept.</summary>
    private static string NotesJson(IReadOnlyList<RequestNote> notes)
    {
        var kept = notes.TakeLast(MaxNotes).ToList();
        var json = JsonSerializer.Serialize(kept, StorageJson.Compact);
        while (json.Length > MaxJsonLength && kept.Count > 2)
        {
            kept.RemoveAt(1);
            json = JsonSerializer.Serialize(kept, StorageJson.Compact);
        }

        return json;
    }

    /// <summary>Reads a row; the JSON-held attributes and notes only when <paramref name="withHistory"/> (lists skip them unless asked).</summary>
    public static ServiceRequest FromEntity(TableEntity e, string jurisdictionId, bool withHistory = true) => new()
    {
        Id = e.GetString("Id"),
        JurisdictionId = jurisdictionId,
        ServiceCode = e.GetString("ServiceCode"),
        ServiceName = e.GetString("ServiceName"),
        Status = e.GetString("Status"),
        StatusNotes = e.GetString("StatusNotes"),
        ExtendedStatus = e.GetString("ExtendedStatus"),
        UpdateCount = e.GetInt32("UpdateCount") ?? 0,
        Description = e.GetString("Description"),
        AgencyResponsible = e.GetString("AgencyResponsible"),
        ServiceNotice = e.GetString("ServiceNotice"),
        RequestedAt = e.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.UnixEpoch,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch,
        ExpectedAt = e.GetDateTimeOffset("ExpectedAt"),
        Address = e.GetString("Address"),
        AddressId = e.GetString("AddressId"),
        Zipcode = e.GetString("Zipcode"),
        Lat = e.GetDouble("Lat"),
        Long = e.GetDouble("Long"),
        MediaUrl = e.GetString("MediaUrl"),
        Token = e.GetString("Token"),
        ExternalId = e.GetString("ExternalId"),
        Attributes = withHistory ? Json<List<SubmittedAttribute>>(e.GetString("Attributes")) ?? [] : [],
        Notes = withHistory ? Json<List<RequestNote>>(e.GetString("Notes")) ?? [] : [],
        Requester = ReadRequester(e),
        Private = e.GetBoolean("Private") == true,
    };

    private static Requester ReadRequester(TableEntity e)
    {
        var requester = new Requester(e.GetString("Email"), e.GetString("FirstName"), e.GetString("LastName"), e.GetString("Phone"), e.GetString("DeviceId"), e.GetString("AccountId"));
        return requester == Requester.None ? Requester.None : requester;
    }

    private static T? Json<T>(string? json)
        where T : class =>
        json is null ? null : JsonSerializer.Deserialize<T>(json);
}
