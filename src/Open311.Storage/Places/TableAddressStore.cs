using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Places;
using Open311.Storage.Tables;

namespace Open311.Storage.Places;

/// <summary>
/// Address points in the <c>Addresses</c> table: one partition per town, one row per street (<c>s|{key}|{part}</c>,
/// its points as compact text lines over <see cref="LongText"/> properties — a town of 300,000 points is a few
/// thousand rows, read in a few pages), the import's status (<c>status</c>), and one row for every town's version
/// (partition <c>versions</c>), which the gazetteer reads to know when to load again.
/// </summary>
public sealed class TableAddressStore(TableProvider tables) : IAddressStore
{
    public const string VersionsPartition = "versions";
    public const string VersionsRow = "all";
    public const string StatusRow = "status";

    /// <summary>Characters per transaction: UTF-16 on the wire is 2 bytes each, so 1.5M chars ≈ 3 MiB of the 4 allowed.</summary>
    private const int MaxBatchChars = 1_500_000;

    private const int MaxRaces = 8;

    public async Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Addresses, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(VersionsPartition, VersionsRow, cancellationToken: cancellationToken);
        return row.HasValue ? Versions(row.Value!) : new Dictionary<string, string>();
    }

    public async Task<IReadOnlyList<Street>> LoadAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Addresses, cancellationToken);
        var parts = new Dictionary<string, (string Name, List<StreetAddress> Addresses)>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(StreetRows(jurisdictionId), cancellationToken: cancellationToken))
        {
            var key = row.GetString("Key");
            if (!parts.TryGetValue(key, out var street))
            {
                parts[key] = street = (row.GetString("Name"), []);
            }

            street.Addresses.AddRange(Decode(LongText.Read(row)));
        }

        return parts.Select(p => new Street(p.Key, p.Value.Name, p.Value.Addresses)).ToList();
    }

    public async Task ReplaceAsync(string jurisdictionId, IReadOnlyList<Street> streets, string version, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Addresses, cancellationToken);
        var partition = TableKeys.Escape(jurisdictionId);
        var stale = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(StreetRows(jurisdictionId), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            stale.Add(row.RowKey);
        }

        var writes = new List<(TableTransactionAction Action, int Chars)>();
        foreach (var street in streets)
        {
            var part = 0;
            foreach (var text in Encode(street.Addresses))
            {
                var entity = new TableEntity(partition, StreetRow(street.Key, part++)) { ["Key"] = street.Key, ["Name"] = street.Name };
                LongText.Write(entity, text);
                stale.Remove(entity.RowKey);
                writes.Add((new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity), text.Length));
            }
        }

        writes.AddRange(stale.Select(key => (new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All), 0)));
        await SubmitAsync(table, writes, cancellationToken);
        await SetVersionAsync(table, jurisdictionId, version, cancellationToken);
    }

    public async Task SaveStatusAsync(string jurisdictionId, AddressImportStatus status, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Addresses, cancellationToken);
        var json = JsonSerializer.Serialize(status, DocumentJson.Options);
        var entity = new TableEntity(TableKeys.Escape(jurisdictionId), StatusRow);
        LongText.Write(entity, json.Length > LongText.MaxLength ? JsonSerializer.Serialize(status with { Rejections = status.Rejections.Take(100).ToList() }, DocumentJson.Options) : json);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<AddressImportStatus?> GetStatusAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Addresses, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(jurisdictionId), StatusRow, cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize<AddressImportStatus>(LongText.Read(row.Value!), DocumentJson.Options) : null;
    }

    /// <summary>Lines of <c>number \t unit \t lat \t lon \t postcode</c>, as many per part as one entity holds.</summary>
    public static IEnumerable<string> Encode(IReadOnlyList<StreetAddress> addresses)
    {
        var text = new StringBuilder();
        foreach (var a in addresses)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{Clean(a.Number)}\t{Clean(a.Unit)}\t{a.Lat:0.#######}\t{a.Long:0.#######}\t{Clean(a.Postcode)}\n");
            if (text.Length + line.Length > LongText.MaxLength)
            {
                yield return text.ToString();
                text.Clear();
            }

            text.Append(line);
        }

        if (text.Length > 0)
        {
            yield return text.ToString();
        }
    }

    public static IEnumerable<StreetAddress> Decode(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            if (f.Length >= 4
                && double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                yield return new StreetAddress(f[0], Empty(f[1]), lat, lon, f.Length > 4 ? Empty(f[4]) : null);
            }
        }
    }

    private static string StreetRows(string jurisdictionId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(jurisdictionId)} and RowKey ge {"s|"} and RowKey lt {"s}"}");

    private static string StreetRow(string key, int part) => string.Create(CultureInfo.InvariantCulture, $"s|{TableKeys.Escape(key)}|{part:D3}");

    private static string Clean(string? value) => value is null ? string.Empty : value.Replace('\t', ' ').Replace('\n', ' ');

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static Dictionary<string, string> Versions(TableEntity row) =>
        LongText.Read(row) is { Length: > 0 } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : [];

    /// <summary>Upserts and deletes in transactions bounded by count and by size.</summary>
    private static async Task SubmitAsync(TableClient table, List<(TableTransactionAction Action, int Chars)> writes, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>();
        var chars = 0L;
        foreach (var (action, size) in writes)
        {
            if (batch.Count == TableTransactions.MaxActions || (batch.Count > 0 && chars + size > MaxBatchChars))
            {
                await TableTransactions.SubmitAsync(table, batch, cancellationToken);
                batch = [];
                chars = 0;
            }

            batch.Add(action);
            chars += size;
        }

        if (batch.Count > 0)
        {
            await TableTransactions.SubmitAsync(table, batch, cancellationToken);
        }
    }

    /// <summary>One row holds every town's version; two imports at once retry on its ETag.</summary>
    private static async Task SetVersionAsync(TableClient table, string jurisdictionId, string version, CancellationToken cancellationToken)
    {
        for (var race = 1; ; race++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(VersionsPartition, VersionsRow, cancellationToken: cancellationToken);
            var versions = row.HasValue ? Versions(row.Value!) : [];
            versions[jurisdictionId] = version;
            var entity = new TableEntity(VersionsPartition, VersionsRow);
            LongText.Write(entity, JsonSerializer.Serialize(versions));
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && race < MaxRaces)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 200)), cancellationToken);
            }
        }
    }
}
