using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Staff;

/// <summary>
/// Finishes a report that stopped for want of a place (<c>needs_location</c>) or a service (<c>unroutable</c>) with
/// what a staff member adds: the report goes through the same pipeline again under its own record, so the same
/// dedupe holds and the same record says what became of it, and who finished it.
/// </summary>
public sealed class IntakeFinisher(
    IIntakeStore records,
    ISourceStore sources,
    ConnectorCatalog connectors,
    IntakeService intake,
    Jurisdictions.JurisdictionRegistry registry,
    IRequestStore requests,
    Updates.RequestUpdater updater,
    TimeProvider time)
{
    /// <summary>
    /// Who may see a record (it holds the reporter's contact): staff of the town it went to or was meant for; a report
    /// that names no town and still waits for a person, staff of every town its source serves.
    /// </summary>
    public Task<bool> VisibleToAsync(IntakeRecord record, StaffMember member, CancellationToken cancellationToken) =>
        VisibleToAsync(record, member, [], cancellationToken);

    /// <summary>The first <paramref name="take"/> of <paramref name="records"/> that <paramref name="member"/> may see.</summary>
    public async Task<IReadOnlyList<IntakeRecord>> VisibleAsync(IEnumerable<IntakeRecord> records, StaffMember member, int take, CancellationToken cancellationToken)
    {
        var sourcesRead = new Dictionary<string, SourceDocument?>(StringComparer.Ordinal);
        var shown = new List<IntakeRecord>();
        foreach (var record in records)
        {
            if (shown.Count == take)
            {
                break;
            }

            if (await VisibleToAsync(record, member, sourcesRead, cancellationToken))
            {
                shown.Add(record);
            }
        }

        return shown;
    }

    private async Task<bool> VisibleToAsync(IntakeRecord record, StaffMember member, Dictionary<string, SourceDocument?> sourcesRead, CancellationToken cancellationToken)
    {
        if (member.IsAdmin || member.Allows(record.JurisdictionId) || member.Allows(record.Report?.JurisdictionId))
        {
            return true;
        }

        if (record.JurisdictionId is not null || record.Report?.JurisdictionId is not null || record.Outcome is not (IntakeOutcome.NeedsLocation or IntakeOutcome.Unroutable))
        {
            return false;
        }

        if (!sourcesRead.TryGetValue(record.SourceId, out var source))
        {
            sourcesRead[record.SourceId] = source = await SourceAsync(record.SourceId, cancellationToken);
        }

        return source?.Jurisdictions is { } towns && towns.Any(member.Allows);
    }

    public async Task<IntakeRecord> FinishAsync(IntakeRecord record, IntakeFix fix, StaffMember by, string? publicBase, CancellationToken cancellationToken)
    {
        by.Require(fix.JurisdictionId);
        if (record.Outcome is not (IntakeOutcome.NeedsLocation or IntakeOutcome.Unroutable))
        {
            throw new Open311Exception(409, $"Intake {InputText.Quote(record.IntakeId)} is {record.Outcome}, not waiting for a place or a service.");
        }

        var stored = record.Report ?? throw new Open311Exception(409, $"Intake {InputText.Quote(record.IntakeId)} was taken in before reports were kept whole; it cannot be finished here.");
        var errors = new List<string>();
        if ((fix.Lat is null) != (fix.Long is null) || fix.Lat is < -90 or > 90 || fix.Long is < -180 or > 180)
        {
            errors.Add("lat and long go together, as a point on the map (latitude −90…90, longitude −180…180).");
        }

        if (fix.Lat is null && fix.ServiceCode is null)
        {
            errors.Add("Send a point (lat, long), a service_code, or both.");
        }

        var town = (await registry.GetSnapshotAsync(cancellationToken)).Hosted.GetValueOrDefault(fix.JurisdictionId);
        if (fix.ServiceCode is { } picked && town?.FindService(picked) is null)
        {
            errors.Add($"service_code '{InputText.Quote(picked)}' is not a service of {InputText.Quote(fix.JurisdictionId)}.");
        }

        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        var source = await SourceAsync(record.SourceId, cancellationToken);
        var connector = connectors.Find(source?.Type) ?? throw new Open311Exception(409, $"The source {InputText.Quote(record.SourceId)} of this report is gone.");

        // The service a person picked is the report's only category word and maps to itself: no mapping of the
        // source's, and no word of the text, can overrule it. Without a point of its own the report is placed again.
        if (fix.ServiceCode is { } code)
        {
            source!.CategoryMap = new Dictionary<string, string> { [code.ToLowerInvariant()] = code };
        }

        var report = stored.ToReport(record.SourceId, record.ExternalId) with
        {
            Lat = fix.Lat ?? stored.Lat,
            Long = fix.Long ?? stored.Long,
            AccuracyMeters = fix.Lat is null ? stored.AccuracyMeters : 0,
            JurisdictionId = fix.JurisdictionId,
            CategoryHints = fix.ServiceCode is { } service ? [service] : stored.CategoryHints,
        };
        var after = await intake.AcceptAsync(connector, source!, report, publicBase, cancellationToken);
        var what = string.Join(" and ", new[] { fix.Lat is null ? null : FormattableString.Invariant($"placed at {fix.Lat:0.######}, {fix.Long:0.######}"), fix.ServiceCode is null ? null : $"given the service {fix.ServiceCode}" }.OfType<string>());
        var noted = after with { Notes = [.. after.Notes, new RequestNote(time.GetUtcNow(), "staff", $"Finished by staff: {what}", after.Reason, by.Name)] };
        var saved = await records.SaveAsync(noted, cancellationToken);

        // The request made here says in its own history who made it so (for staff: an internal note).
        if (saved is { Outcome: IntakeOutcome.Created, ServiceRequestId: { } id, JurisdictionId: { } made }
            && await requests.GetAsync(made, id, cancellationToken) is { } request)
        {
            await updater.ChangeAsync(request, new RequestUpdate { Note = $"Made from report {record.IntakeId}: {what}." }, by.Name, cancellationToken);
        }

        return saved;
    }

    private async Task<SourceDocument?> SourceAsync(string sourceId, CancellationToken cancellationToken) =>
        await sources.GetAsync(sourceId, cancellationToken) is { } json ? DocumentJson.Read<SourceDocument>(json, out _) : null;
}
