using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Open311.Core.Forwarding;
using Open311.Core.Intake;
using Open311.Storage.Tables;

namespace Open311.Storage.Intake;

/// <summary>
/// Intake records: one partition per source, one row per external id (so a redelivery finds its record). Beside
/// them, in <c>IntakeRecent</c>, an index newest first — partition <c>*</c> for every source and one per source, row
/// key = inverted last-seen time + intake id — so "the newest records" is a range read, not a sort of a prefix.
/// </summary>
public sealed class TableIntakeStore(TableProvider tables) : IIntakeStore
{
    public const string AllSources = "*";

    private const string Pending = "pending";

    /// <summary>Index rows read at most for one list: an outcome that is rare among many records ends the scan here.</summary>
    public const int MaxScan = 20_000;

    /// <summary>Notes kept per record, newest last: a report's after-life is bounded like a request's history.</summary>
    public const int MaxNotes = 30;

    public async Task<IntakeRecord?> GetAsync(string sourceId, string externalId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Intake, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(sourceId), TableKeys.Escape(externalId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IntakeRecord> SaveAsync(IntakeRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Intake, cancellationToken);
        var partition = TableKeys.Escape(record.SourceId);
        var rowKey = TableKeys.Escape(record.ExternalId);
        var recent = TableKeys.InvertedTicks(record.LastSeenAt) + "|" + TableKeys.Escape(record.IntakeId);
        string? old = null;
        Response written;
        try
        {
            if (record.ETag is null)
            {
                written = await table.AddEntityAsync(ToEntity(record, partition, rowKey, recent), cancellationToken);
            }
            else
            {
                var before = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, select: ["Recent"], cancellationToken: cancellationToken);
                old = before.HasValue ? before.Value!.GetString("Recent") : null;
                written = await table.UpdateEntityAsync(ToEntity(record, partition, rowKey, recent), new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new IntakeConflictException(record.IntakeId);
        }

        // The index is advisory: written after the record, its old rows removed after the new ones exist.
        var index = await tables.GetAsync(TableProvider.IntakeRecent, cancellationToken);
        foreach (var indexPartition in new[] { AllSources, partition })
        {
            await index.UpsertEntityAsync(
                new TableEntity(indexPartition, recent) { ["SourceId"] = record.SourceId, ["ExternalId"] = record.ExternalId, ["Outcome"] = record.Outcome, ["Delivery"] = record.Delivery?.State, ["Notice"] = record.PendingNotice is null ? null : Pending },
                TableUpdateMode.Replace,
                cancellationToken);
            if (old is not null && old != recent)
            {
                await index.DeleteEntityAsync(indexPartition, old, ETag.All, cancellationToken);
            }
        }

        return record with { ETag = written.Headers.ETag?.ToString() };
    }

    public async Task<IReadOnlyList<IntakeRecord>> ListByDeliveryAsync(string state, int take, CancellationToken cancellationToken) =>
        await ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {AllSources} and Delivery eq {state}"), take, cancellationToken);

    public async Task<IReadOnlyList<IntakeRecord>> ListWithPendingNoticeAsync(int take, CancellationToken cancellationToken) =>
        await ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {AllSources} and Notice eq {Pending}"), take, cancellationToken);

    public async Task<IReadOnlyList<IntakeRecord>> ListAsync(string? sourceId, string? outcome, int take, CancellationToken cancellationToken)
    {
        var partition = sourceId is null ? AllSources : TableKeys.Escape(sourceId);
        var filter = outcome is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Outcome eq {outcome}");
        return await ListAsync(filter, take, cancellationToken);
    }

    private async Task<IReadOnlyList<IntakeRecord>> ListAsync(string filter, int take, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableProvider.IntakeRecent, cancellationToken);
        var found = new List<IntakeRecord>();
        var scanned = 0;
        await foreach (var row in index.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(take, 1, 1000), cancellationToken: cancellationToken))
        {
            if (await GetAsync(row.GetString("SourceId"), row.GetString("ExternalId"), cancellationToken) is { } record)
            {
                found.Add(record);
            }

            if (found.Count >= take || ++scanned >= MaxScan)
            {
                break;
            }
        }

        return found;
    }

    private static TableEntity ToEntity(IntakeRecord record, string partition, string rowKey, string recent)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            ["IntakeId"] = record.IntakeId,
            ["SourceId"] = record.SourceId,
            ["ExternalId"] = record.ExternalId,
            ["Outcome"] = record.Outcome,
            ["Reason"] = Cut(record.Reason, 8000),
            ["Title"] = Cut(record.Title, 400),
            ["JurisdictionId"] = record.JurisdictionId,
            ["ServiceCode"] = record.ServiceCode,
            ["ServiceRequestId"] = record.ServiceRequestId,
            ["FirstSeenAt"] = record.FirstSeenAt,
            ["LastSeenAt"] = record.LastSeenAt,
            ["Deliveries"] = record.Deliveries,
            ["LastDelivery"] = record.LastDelivery,
            ["WriteBack"] = Cut(record.WriteBack, 2000),
            ["Details"] = Cut(record.Details, 16_000),
            ["Photos"] = record.Photos.Count == 0 ? null : JsonSerializer.Serialize(record.Photos, StorageJson.Compact),
            ["Raw"] = record.Raw,
            ["Delivery"] = record.Delivery is null ? null : JsonSerializer.Serialize(record.Delivery, StorageJson.Compact),
            ["Recent"] = recent,
        };

        // Texts of up to 4,000 characters: JSON escapes an emoji as twelve, past one property's 32,768.
        Json(entity, "Forward", record.Forward);
        Json(entity, "Notes", record.Notes.Count == 0 ? null : record.Notes.TakeLast(MaxNotes).ToList());
        Json(entity, "PendingNotice", record.PendingNotice);
        Json(entity, "Report", record.Report);
        return entity;
    }

    private static void Json<T>(TableEntity entity, string name, T? value)
        where T : class
    {
        if (value is not null)
        {
            LongText.Write(entity, JsonSerializer.Serialize(value, StorageJson.Compact), name);
        }
    }

    private static T? Json<T>(TableEntity entity, string name)
        where T : class =>
        LongText.ReadOrNull(entity, name) is { } json ? JsonSerializer.Deserialize<T>(json) : null;

    private static string? Cut(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;

    private static IntakeRecord FromEntity(TableEntity e) => new()
    {
        IntakeId = e.GetString("IntakeId"),
        SourceId = e.GetString("SourceId"),
        ExternalId = e.GetString("ExternalId"),
        Outcome = e.GetString("Outcome"),
        Reason = e.GetString("Reason") ?? string.Empty,
        Title = e.GetString("Title"),
        JurisdictionId = e.GetString("JurisdictionId"),
        ServiceCode = e.GetString("ServiceCode"),
        ServiceRequestId = e.GetString("ServiceRequestId"),
        FirstSeenAt = e.GetDateTimeOffset("FirstSeenAt") ?? DateTimeOffset.UnixEpoch,
        LastSeenAt = e.GetDateTimeOffset("LastSeenAt") ?? DateTimeOffset.UnixEpoch,
        Deliveries = e.GetInt32("Deliveries") ?? 1,
        LastDelivery = e.GetString("LastDelivery") ?? "first",
        WriteBack = e.GetString("WriteBack"),
        Details = e.GetString("Details"),
        Photos = e.GetString("Photos") is { } photos ? JsonSerializer.Deserialize<List<string>>(photos) ?? [] : [],
        Raw = e.GetString("Raw"),
        Delivery = e.GetString("Delivery") is { } delivery ? JsonSerializer.Deserialize<Delivery>(delivery) : null,
        Forward = Json<ForwardPayload>(e, "Forward"),
        Notes = Json<List<Core.Requests.RequestNote>>(e, "Notes") ?? [],
        Report = Json<StoredReport>(e, "Report"),
        PendingNotice = Json<StatusNotice>(e, "PendingNotice"),
        ETag = e.ETag.ToString(),
    };
}
