using Open311.Core.Protocol;

namespace Open311.Core.Updates;

/// <summary>
/// The <c>service_request_updates</c> answers, in the shape FixMyStreet reads (XML: <c>request_update</c> items; it
/// ignores the root's name). <c>description</c> and <c>media_url</c> are always present, empty when there is none.
/// </summary>
public static class UpdateDocuments
{
    /// <summary>Public fields only: who made an update and how to reach them never appear here.</summary>
    public static Element List(IEnumerable<StatusUpdate> updates) =>
        Element.List("service_request_updates", updates.Select(u => Element.Object(
            "request_update",
            Element.String("update_id", u.UpdateId),
            Element.String("service_request_id", u.ServiceRequestId),
            Element.String("status", u.Status),
            Element.DateTime("updated_datetime", u.UpdatedAt),
            Element.String("description", u.Description ?? string.Empty),
            Element.String("media_url", u.MediaUrl ?? string.Empty),
            Element.String("external_status_code", u.ExternalStatusCode))));

    /// <summary>What a POST returns: our id for the update (also for a repeat of one already taken).</summary>
    public static Element Posted(StatusUpdate update) =>
        Element.List("service_request_updates", [Element.Object("request_update", Element.String("update_id", update.UpdateId))]);
}
