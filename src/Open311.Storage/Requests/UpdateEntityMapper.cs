using Azure.Data.Tables;
using Open311.Core.Requests;
using Open311.Core.Updates;

namespace Open311.Storage.Requests;

/// <summary>Converts <c>servicerequestupdates</c> entries to rows of their request's partition and back.</summary>
public static class UpdateEntityMapper
{
    public static TableEntity ToEntity(StatusUpdate u) => new(RequestRows.Partition(u.JurisdictionId), RequestRows.Update(u))
    {
        ["UpdateId"] = u.UpdateId,
        ["ServiceRequestId"] = u.ServiceRequestId,
        ["Status"] = u.Status,
        ["Description"] = u.Description,
        ["UpdatedAt"] = u.UpdatedAt,
        ["RecordedAt"] = u.RecordedAt,
        ["MediaUrl"] = u.MediaUrl,
        ["ExternalStatusCode"] = u.ExternalStatusCode,
        ["Origin"] = u.Origin,
        ["ClientUpdateId"] = u.ClientUpdateId,
        ["Private"] = u.Private ? true : null,
        ["Email"] = u.Contact.Email,
        ["FirstName"] = u.Contact.FirstName,
        ["LastName"] = u.Contact.LastName,
        ["Phone"] = u.Contact.Phone,
        ["AccountId"] = u.Contact.AccountId,
    };

    public static StatusUpdate FromEntity(TableEntity e, string jurisdictionId)
    {
        var contact = new Requester(e.GetString("Email"), e.GetString("FirstName"), e.GetString("LastName"), e.GetString("Phone"), null, e.GetString("AccountId"));
        return new StatusUpdate
        {
            UpdateId = e.GetString("UpdateId"),
            ServiceRequestId = e.GetString("ServiceRequestId"),
            JurisdictionId = jurisdictionId,
            Status = e.GetString("Status"),
            Description = e.GetString("Description"),
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch,
            RecordedAt = e.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.UnixEpoch,
            MediaUrl = e.GetString("MediaUrl"),
            ExternalStatusCode = e.GetString("ExternalStatusCode"),
            Origin = e.GetString("Origin") ?? "staff",
            ClientUpdateId = e.GetString("ClientUpdateId"),
            Private = e.GetBoolean("Private") == true,
            Contact = contact == Requester.None ? Requester.None : contact,
        };
    }
}
