using Open311.Client;
using Open311.Core.Intake;

namespace Open311.Core.Forwarding;

/// <summary>The POST a remote city gets for a forwarded report: what the report said, its photo, its sender, and our reference.</summary>
public static class RemoteRequest
{
    public static NewServiceRequest From(IntakeRecord record, ForwardPayload forward, RemoteServiceDefinition? definition)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>();
        if (EarlierDelivery.ExternalIdAttribute(definition) is { } code)
        {
            attributes[code] = [record.IntakeId];
        }

        // The reference line closes the description and survives the cut: it is how a lost answer is reconciled.
        // media_url holds one photo; the others are linked at the end, before the reference.
        var reference = EarlierDelivery.Reference(record.IntakeId);
        if (forward.MediaUrls.Count > 1)
        {
            reference = $"More photos: {string.Join(" ", forward.MediaUrls.Skip(1).Take(9))}\n{reference}";
        }

        var text = Protocol.InputText.Truncate(forward.Description ?? string.Empty, Requests.RequestSubmission.MaxDescriptionLength - reference.Length - 2);
        var description = text.Length > 0 ? $"{text}\n\n{reference}" : reference;
        return new NewServiceRequest
        {
            ServiceCode = forward.ServiceCode,
            Lat = forward.Lat,
            Long = forward.Long,
            AddressString = forward.Address,
            Description = description,
            MediaUrl = forward.MediaUrls.FirstOrDefault(),
            Email = forward.Contact.Email,
            FirstName = forward.Contact.FirstName,
            LastName = forward.Contact.LastName,
            Phone = forward.Contact.Phone,
            Attributes = attributes,
        };
    }
}
