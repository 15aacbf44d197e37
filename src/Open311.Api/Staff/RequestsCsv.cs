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
            string?[] row =
            [
                r.Id, Open311Time.Format(r.RequestedAt), Open311Time.Format(r.UpdatedAt), r.Status, r.ExtendedStatus, r.ServiceCode, r.ServiceName,
                r.Description, r.Address, r.Lat?.ToString(CultureInfo.InvariantCulture), r.Long?.ToString(CultureInfo.InvariantCulture),
                r.StatusNotes, r.AgencyResponsible, r.ExpectedAt is { } e ? Open311Time.Format(e) : null, r.MediaUrl,
                string.Join(" ", new[] { r.Requester.FirstName, r.Requester.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))), r.Requester.Email, r.Requester.Phone,
                r.Private ? "yes" : "no",
            ];
            csv.WriteRecord([.. row.Select(field => field ?? string.Empty)]);
        }

        csv.Flush();
        return writer.ToString();
    }

    public static readonly IReadOnlyList<string> Headers =
    [
        "service_request_id", "requested_datetime", "updated_datetime", "status", "extended_status", "service_code", "service_name",
        "description", "address", "lat", "long", "status_notes", "agency_responsible", "expected_datetime", "media_url",
        "requester_name", "requester_email", "requester_phone", "private",
    ];
}
