namespace Open311.Core.Intake;

/// <summary>The connectors registered in this app, by source type: what the manage API, the connector route and the poll timer ask.</summary>
public sealed class ConnectorCatalog(IEnumerable<IConnector> connectors)
{
    private readonly Dictionary<string, IConnector> byType = connectors.ToDictionary(c => c.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => byType.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<IConnector> All => byType.Values;

    public IConnector? Find(string? type) => type is not null && byType.TryGetValue(type, out var connector) ? connector : null;
}
