using Azure.Data.Tables;

namespace Open311.Storage.Tables;

/// <summary>
/// Text longer than one string property holds (64 KiB): split over properties <c>Doc0…DocN</c> of at most
/// <see cref="ChunkLength"/> characters, with their count in <c>Chunks</c> — or, for a second text in the same entity,
/// under another name (<c>Report0…</c>, <c>ReportChunks</c>).
/// </summary>
public static class LongText
{
    public const int ChunkLength = 30_000;

    /// <summary>15 chunks of UTF-16 text keep the entity under the 1 MiB limit with room for its other properties.</summary>
    public const int MaxChunks = 15;

    public const int MaxLength = ChunkLength * MaxChunks;

    public static void Write(TableEntity entity, string text, string name = "Doc")
    {
        var chunks = text.Chunk(ChunkLength).Select(c => new string(c)).ToArray();
        if (chunks.Length > MaxChunks)
        {
            throw new ArgumentOutOfRangeException(nameof(text), $"{text.Length:N0} characters; at most {MaxLength:N0} fit in one entity.");
        }

        entity[Count(name)] = chunks.Length;
        for (var i = 0; i < chunks.Length; i++)
        {
            entity[$"{name}{i}"] = chunks[i];
        }
    }

    /// <summary>The text, or null when the entity holds none under <paramref name="name"/>.</summary>
    public static string? ReadOrNull(TableEntity entity, string name) =>
        entity.GetInt32(Count(name)) is { } count ? string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString($"{name}{i}"))) : null;

    public static string Read(TableEntity entity) => ReadOrNull(entity, "Doc") ?? string.Empty;

    private static string Count(string name) => name == "Doc" ? "Chunks" : $"{name}Chunks";
}
