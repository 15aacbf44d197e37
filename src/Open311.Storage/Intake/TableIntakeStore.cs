using Azure.Data.Tables;
using Open311.Core.Intake;
using Open311.Storage.Tables;

namespace Open311.Storage.Intake;

/// <summary>Intake records: one partition per source, one row per external id (so a redelivery finds its record).</summary>
public sealed class TableIntakeStore(TableProvider tables) : IIntakeStore
{
    public const int MaxScan = 5000;

    public async Task<IntakeRecord?> GetAsync(string sourceId, string externalId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Intake, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(sourceId), TableKeys.Escape(externalId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task SaveAsync(IntakeRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Intake, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(TableKeys.Escape(record.SourceId), TableKeys.Escape(record.ExternalId))
            {
                ["IntakeId"] = record.IntakeId,
                ["SourceId"] = record.SourceId,
                ["ExternalId"] = record.ExternalId,
                ["Outcome"] = record.Outcome,
                ["Reason"] = record.Reason.Length > 8000 ? record.Reason[..8000] : record.Reason,
                ["Title"] = record.Title is { Length: > 400 } t ? t[..400] : record.Title,
                ["JurisdictionId"] = record.JurisdictionId,
                ["ServiceCode"] = record.ServiceCode,
                ["ServiceRequestId"] = record.ServiceRequestId,
                ["FirstSeenAt"] = record.FirstSeenAt,
                ["LastSeenAt"] = record.LastSeenAt,
                ["Deliveries"] = record.Deliveries,
                ["LastDelivery"] = record.LastDelivery,
                ["WriteBack"] = record.WriteBack is { Length: > 2000 } w ? w[..2000] : record.WriteBack,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<IReadOnlyList<IntakeRecord>> ListAsync(string? sourceId, string? outcome, int take, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Intake, cancellationToken);
        var filter = (sourceId, outcome) switch
        {
            (not null, not null) => TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(sourceId)} and Outcome eq {outcome}"),
            (not null, null) => TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(sourceId)}"),
            (null, not null) => TableClient.CreateQueryFilter($"Outcome eq {outcome}"),
            _ => null,
        };
        var found = new List<IntakeRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(row));
            if (found.Count >= MaxScan)
            {
                break;
            }
        }

        return found.OrderByDescending(r => r.LastSeenAt).Take(take).ToList();
    }

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
    };
}
