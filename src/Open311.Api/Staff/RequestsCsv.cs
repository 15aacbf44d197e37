using System.Globalization;
using CsvHelper;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Api.Staff;

/// <summary>
/// Requests as a spreadsheet for staff (personal data included: only the manage API serves it). Cells that a
/// spreadsheet would run as a formula (starting with = + - @) are escaped.
/// </summary>
public static class RequestsCsv
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string Write(IEnumerable<ServiceRequest> requests)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteRecord([.. Headers]);
        foreach (var r in requests)
        {
            Text(csv, r.Id, Open311Time.Format(r.RequestedAt), Open311Time.Format(r.UpdatedAt), r.Status, r.ExtendedStatus, r.ServiceCode, r.ServiceName, r.Description, r.Address);

            // Coordinates are numbers, not text: a negative longitude is no formula.
            csv.WriteField(r.Lat, "R");
            csv.WriteField(r.Long, "R");
            var name = string.Join(" ", new[] { r.Requester.FirstName, r.Requester.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            Text(csv, r.StatusNotes, r.AgencyResponsible, r.ExpectedAt is { } e ? Open311Time.Format(e) : null, r.MediaUrl, name, r.Requester.Email, r.Requester.Phone, r.Private ? "yes" : "no");
            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }

    private static void Text(CsvWriter csv, params string?[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field ?? string.Empty);
        }
    }

    public static readonly IReadOnlyList<string> Headers =
    [
        "service_request_id", "requested_datetime", "updated_datetime", "status", "extended_status", "service_code", "service_name",
        "description", "address", "lat", "long", "status_notes", "agency_responsible", "expected_datetime", "media_url",
        "requester_name", "requester_email", "requester_phone", "private",
    ];
}
