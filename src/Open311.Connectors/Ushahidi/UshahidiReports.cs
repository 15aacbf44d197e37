using System.Text.Json;
using Open311.Core.Intake;

namespace Open311.Connectors.Ushahidi;

/// <summary>A post, however it arrived (webhook or poll), as an inbound report: labels of its survey fields, and its photos to resolve later.</summary>
public sealed class UshahidiReports(UshahidiForms forms, UshahidiMedia media, TimeProvider time)
{
    /// <exception cref="FormatException">The element is not a post.</exception>
    public async Task<InboundReport> ReadAsync(JsonElement post, string sourceId, UshahidiSettings settings, CancellationToken cancellationToken)
    {
        var v5 = post.ValueKind == JsonValueKind.Object && post.TryGetProperty("post_content", out var content) && content.ValueKind == JsonValueKind.Array;
        var fields = v5 ? null : await forms.FieldsAsync(settings, UshahidiPostReader.FormId(post), cancellationToken);
        var report = UshahidiPostReader.Read(post, sourceId, settings, fields, time.GetUtcNow());
        var photos = UshahidiPostReader.MediaIds(post, settings)
            .Select(id => new InboundPhoto { Resolve = ct => media.OriginalUrlAsync(settings, id, ct) })
            .ToList();
        return report with { Photos = photos };
    }
}
