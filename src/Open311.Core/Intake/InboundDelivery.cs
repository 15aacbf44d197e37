namespace Open311.Core.Intake;

/// <summary>
/// One HTTP delivery to <c>POST connectors/{type}/{sourceId}/{action}</c>, host-neutral: what a connector needs to
/// authenticate it (headers, query, the exact bytes and URL) and read it.
/// </summary>
public sealed record InboundDelivery(
    string SourceId,
    string Action,
    string? ContentType,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    string Url,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
