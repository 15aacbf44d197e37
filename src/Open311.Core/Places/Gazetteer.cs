using System.Collections.Concurrent;
using Open311.Core.Jurisdictions;

namespace Open311.Core.Places;

/// <summary>
/// Every town's address points in memory, per instance, like the routing index: loaded when first asked for, and
/// loaded again when an import has changed the town's version (checked at most every <see cref="RecheckEvery"/>).
/// </summary>
public sealed class Gazetteer(IAddressStore store, JurisdictionRegistry registry, TimeProvider time)
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string Version, AddressIndex Index)> loaded = new(StringComparer.Ordinal);
    private (IReadOnlyDictionary<string, string> Versions, DateTimeOffset At)? versions;

    /// <summary>The address indexes of the towns in <paramref name="scope"/> (every town with points when null).</summary>
    public async Task<IReadOnlyList<AddressIndex>> GetAsync(IReadOnlyCollection<string>? scope, CancellationToken cancellationToken)
    {
        var current = await VersionsAsync(cancellationToken);
        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var indexes = new List<AddressIndex>();
        foreach (var (id, version) in current.Where(v => scope is null || scope.Contains(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!snapshot.All.TryGetValue(id, out var jurisdiction))
            {
                continue;
            }

            if (!loaded.TryGetValue(id, out var entry) || entry.Version != version)
            {
                entry = (version, new AddressIndex(id, jurisdiction.Name, await store.LoadAsync(id, cancellationToken)));
                loaded[id] = entry;
            }

            indexes.Add(entry.Index);
        }

        return indexes;
    }

    /// <summary>After an import on this instance: the next question reads the new version at once.</summary>
    public void Invalidate(string jurisdictionId)
    {
        loaded.TryRemove(jurisdictionId, out _);
        versions = null;
    }

    private async Task<IReadOnlyDictionary<string, string>> VersionsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (versions is { } known && now - known.At < RecheckEvery)
        {
            return known.Versions;
        }

        var read = await store.GetVersionsAsync(cancellationToken);
        versions = (read, now);
        return read;
    }
}
