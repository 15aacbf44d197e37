using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;

namespace Open311.Core.Places;

/// <summary>
/// Imports a town's address points (<c>POST manage/jurisdictions/{id}/addresses</c>): reads the file row by row, refuses
/// rows that cannot be a point of this town (no coordinates, no street or number, outside its boundary) with their
/// row number, merges repeats, and replaces the town's gazetteer in one go. Progress is saved every
/// <see cref="ProgressEvery"/> rows, so a second caller can watch a long import.
/// </summary>
public sealed class AddressImporter(IAddressStore store, JurisdictionRegistry registry, Gazetteer gazetteer, TimeProvider time, ILogger<AddressImporter> logger)
{
    public const int MaxRows = 1_000_000;
    public const int MaxListed = 1_000;
    public const int ProgressEvery = 10_000;

    public async Task<AddressImportStatus> ImportAsync(string jurisdictionId, Stream body, string? contentType, CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var jurisdiction = snapshot.All.GetValueOrDefault(jurisdictionId)
            ?? throw Open311Exception.NotFound($"No jurisdiction '{InputText.Quote(jurisdictionId)}'.");
        var status = new AddressImportStatus { State = "importing", StartedAt = time.GetUtcNow() };
        await store.SaveStatusAsync(jurisdictionId, status, cancellationToken);

        var streets = new Dictionary<string, (string Name, Dictionary<string, StreetAddress> Addresses)>(StringComparer.Ordinal);
        var rejections = new List<ImportRejection>();
        var rejected = 0;
        var duplicates = 0;
        var read = 0;
        try
        {
            await foreach (var row in AddressFile.ReadAsync(body, contentType, cancellationToken))
            {
                if (++read > MaxRows)
                {
                    throw new FormatException($"The file has more than {MaxRows:N0} rows; split it by area.");
                }

                var problems = Check(row, jurisdiction, out var key);
                if (problems.Count > 0)
                {
                    rejected++;
                    if (rejections.Count < MaxListed)
                    {
                        rejections.Add(new ImportRejection(row.Row, Label(row), problems));
                    }
                }
                else
                {
                    if (!streets.TryGetValue(key, out var street))
                    {
                        streets[key] = street = (row.Street!, new Dictionary<string, StreetAddress>(StringComparer.OrdinalIgnoreCase));
                    }

                    // The same number and unit twice (a county file and a town file merged): the first stands.
                    if (!street.Addresses.TryAdd($"{row.Number}|{row.Unit}", new StreetAddress(row.Number!, row.Unit, row.Lat!.Value, row.Lon!.Value, row.Postcode)))
                    {
                        duplicates++;
                    }
                }

                if (read % ProgressEvery == 0)
                {
                    status = status with { Read = read, Stored = read - rejected - duplicates, Streets = streets.Count, Duplicates = duplicates, Rejected = rejected };
                    await store.SaveStatusAsync(jurisdictionId, status, cancellationToken);
                    logger.LogInformation("Address import of {Jurisdiction}: {Read:N0} rows read, {Rejected:N0} refused", jurisdictionId, read, rejected);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever stopped it (an unreadable file, a body over the limit), the status says so and nothing was replaced.
            var failed = status with { State = "failed", FinishedAt = time.GetUtcNow(), Read = read, Rejected = rejected, Rejections = rejections, Failure = ex.Message };
            await store.SaveStatusAsync(jurisdictionId, failed, CancellationToken.None);
            if (ex is FormatException or IOException or System.Text.Json.JsonException)
            {
                throw Open311Exception.BadRequest($"The address file could not be read at row {read:N0}: {ex.Message} Nothing was replaced.");
            }

            throw;
        }

        var result = streets.Select(s => new Street(s.Key, s.Value.Name, s.Value.Addresses.Values.OrderBy(a => a.NumberValue).ThenBy(a => a.Number, StringComparer.OrdinalIgnoreCase).ToList())).ToList();
        await store.ReplaceAsync(jurisdictionId, result, Guid.NewGuid().ToString("N"), cancellationToken);
        gazetteer.Invalidate(jurisdictionId);
        var done = new AddressImportStatus
        {
            State = "done",
            StartedAt = status.StartedAt,
            FinishedAt = time.GetUtcNow(),
            Read = read,
            Stored = result.Sum(s => s.Addresses.Count),
            Streets = result.Count,
            Duplicates = duplicates,
            Rejected = rejected,
            Rejections = rejections,
        };
        await store.SaveStatusAsync(jurisdictionId, done, cancellationToken);
        logger.LogInformation("Address import of {Jurisdiction} done: {Stored:N0} addresses on {Streets:N0} streets, {Rejected:N0} rows refused", jurisdictionId, done.Stored, done.Streets, rejected);
        return done;
    }

    private static List<string> Check(AddressRow row, Jurisdiction jurisdiction, out string key)
    {
        var problems = new List<string>();
        key = row.Street is null ? string.Empty : StreetName.Normalize(row.Street);
        if (row.Lat is not { } lat || row.Lon is not { } lon || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            problems.Add("LON and LAT must be WGS84 degrees (longitude −180 to 180, latitude −90 to 90)");
        }
        else if (jurisdiction.Boundary is { } boundary && !boundary.Covers(lat, lon))
        {
            problems.Add($"the point is outside the boundary of {jurisdiction.Name}");
        }

        if (key.Length == 0)
        {
            problems.Add("STREET is empty");
        }

        if (row.Number is null || StreetAddress.LeadingNumber(row.Number) is null)
        {
            problems.Add("NUMBER must start with a house number");
        }

        if ((row.Number?.Length ?? 0) > 20 || (row.Street?.Length ?? 0) > 200 || (row.Unit?.Length ?? 0) > 50)
        {
            problems.Add("NUMBER, STREET or UNIT is longer than an address field can be");
        }

        return problems;
    }

    private static string? Label(AddressRow row) =>
        row.Street is null && row.Number is null ? null : InputText.Truncate($"{row.Number} {row.Street}".Trim(), 120);
}
