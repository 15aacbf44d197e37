using Open311.Client;
using Open311.Core.Intake;

namespace Open311.Core.Forwarding;

/// <summary>
/// Exactly once through lost answers. When the city's service declares an external-id attribute (FixMyStreet's
/// <c>fixmystreet_id</c>, or <c>external_id</c>), our intake id is sent in it and the city itself answers a repeat with
/// the first request. Otherwise, before sending again, the city's recent requests of that service are read and our
/// reference line in their descriptions looked for.
/// </summary>
public static class EarlierDelivery
{
    /// <summary>Attribute codes cities use for the sender's own id, most specific first.</summary>
    public static readonly IReadOnlyList<string> ExternalIdCodes = ["fixmystreet_id", "external_id", "external_reference", "client_reference"];

    /// <summary>The line every forwarded description ends with.</summary>
    public static string Reference(string intakeId) => $"Ref: {intakeId}";

    /// <summary>The service's definition when the city has one (services with metadata); null otherwise or when it cannot be read.</summary>
    public static async Task<RemoteServiceDefinition?> DefinitionAsync(Open311Client client, Open311Endpoint endpoint, string serviceCode, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetServiceDefinitionAsync(endpoint, serviceCode, cancellationToken);
        }
        catch (Open311ClientException ex) when (!ex.Transient)
        {
            return null;
        }
    }

    public static string? ExternalIdAttribute(RemoteServiceDefinition? definition) =>
        definition is null ? null : ExternalIdCodes.FirstOrDefault(code => definition.Attributes.Any(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The city's id of a request an earlier try already made, or null when there is none to find.</summary>
    public static async Task<string?> FindAsync(Open311Client client, Open311Endpoint endpoint, IntakeRecord record, RemoteServiceDefinition? definition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ExternalIdAttribute(definition) is not null)
        {
            // The city dedupes on the attribute: sending again is how to ask.
            return null;
        }

        var since = (record.Delivery?.FirstAttemptAt ?? record.FirstSeenAt).AddMinutes(-5);
        var search = new RequestSearch { ServiceCode = record.Forward!.ServiceCode, StartDate = since, EndDate = now.AddMinutes(5) };
        var recent = await client.GetRequestsAsync(endpoint, search, cancellationToken);
        var reference = Reference(record.IntakeId);
        return recent.FirstOrDefault(r => r.Description?.Contains(reference, StringComparison.Ordinal) == true)?.Id;
    }
}
