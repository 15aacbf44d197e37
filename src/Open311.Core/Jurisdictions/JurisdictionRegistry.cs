using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Core.Jurisdictions;

/// <summary>
/// The hosted jurisdictions, kept in memory. Each instance re-reads the store's stamp at most every
/// <see cref="StampCheckInterval"/> (one point read) and reloads everything only when the stamp moved, so a
/// request pays for configuration once per change, not once per call.
/// </summary>
public sealed class JurisdictionRegistry(IJurisdictionStore store, TimeProvider time, ILogger<JurisdictionRegistry> logger)
{
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private JurisdictionSnapshot snapshot = JurisdictionSnapshot.Empty;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;
    private bool loaded;

    public async Task<JurisdictionSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (loaded && time.GetUtcNow() - checkedAt < StampCheckInterval)
        {
            return snapshot;
        }

        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (loaded && time.GetUtcNow() - checkedAt < StampCheckInterval)
            {
                return snapshot;
            }

            var stamp = await store.GetStampAsync(cancellationToken);
            if (!loaded || stamp != snapshot.Stamp)
            {
                snapshot = await LoadAsync(stamp, cancellationToken);
                loaded = true;
            }

            checkedAt = time.GetUtcNow();
            return snapshot;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    /// <summary>
    /// The jurisdiction a call is for. <c>jurisdiction_id</c> may be left out only while one jurisdiction is hosted;
    /// an unknown id is 404, a missing one on a multi-tenant endpoint 400.
    /// </summary>
    public async Task<Jurisdiction> ResolveAsync(string? jurisdictionId, CancellationToken cancellationToken)
    {
        var current = await GetSnapshotAsync(cancellationToken);
        if (jurisdictionId is not null)
        {
            return current.Hosted.GetValueOrDefault(jurisdictionId)
                ?? throw Open311Exception.NotFound(current.All.GetValueOrDefault(jurisdictionId)?.Remote is { } remote
                    ? $"jurisdiction_id '{InputText.Quote(jurisdictionId)}' is not hosted here; its Open311 endpoint is {remote.Endpoint}."
                    : $"jurisdiction_id '{InputText.Quote(jurisdictionId)}' is not served here.");
        }

        var hosted = current.Hosted;
        return hosted.Count switch
        {
            1 => hosted.Values.First(),
            0 => throw Open311Exception.NotFound("No jurisdiction is configured on this endpoint yet."),
            _ => throw Open311Exception.BadRequest(
                $"jurisdiction_id is required: this endpoint serves {hosted.Count} jurisdictions ({string.Join(", ", hosted.Keys.Order(StringComparer.Ordinal).Take(10))}{(hosted.Count > 10 ? ", …" : string.Empty)})."),
        };
    }

    /// <summary>Validates and stores a jurisdiction document; the new configuration is live on this instance at once.</summary>
    public async Task<StoredJurisdiction> PutAsync(string id, JurisdictionDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        JurisdictionDocumentReader.Read(document, id, errors);
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        document.Id = id;
        document.Changeset = TruncateToSeconds(time.GetUtcNow());
        var json = JsonSerializer.Serialize(document, DocumentJson.Options);
        var stored = await store.PutAsync(id, json, ifMatch, cancellationToken);
        loaded = false;
        return stored;
    }

    /// <summary>Makes the next call reload from the store (after writes that went around <see cref="PutAsync"/>).</summary>
    public void Invalidate() => loaded = false;

    private async Task<JurisdictionSnapshot> LoadAsync(string? stamp, CancellationToken cancellationToken)
    {
        // jurisdiction_id is usually a domain name, and domain names ignore case.
        var byId = new Dictionary<string, Jurisdiction>(StringComparer.OrdinalIgnoreCase);
        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            var errors = new List<string>();
            var document = DocumentJson.Read<JurisdictionDocument>(stored.DocumentJson, out var jsonError);
            var jurisdiction = JurisdictionDocumentReader.Read(document, stored.Id, errors);
            if (jsonError is null && errors.Count == 0)
            {
                byId[stored.Id] = jurisdiction;
            }
            else
            {
                // Only documents written before a validation rule was tightened can get here; say so loudly.
                logger.LogError("Jurisdiction {Jurisdiction} is stored but no longer valid and is not served: {Problems}", stored.Id, jsonError ?? string.Join(" ", errors));
            }
        }

        return new JurisdictionSnapshot(byId, stamp);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
