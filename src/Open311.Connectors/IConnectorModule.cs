using Microsoft.Extensions.DependencyInjection;

namespace Open311.Connectors;

/// <summary>
/// A connector's one registration, inside its own folder: its <c>IConnector</c>, its readers and its guarded HTTP
/// clients. <see cref="ConnectorsServiceCollectionExtensions.AddOpen311Connectors"/> finds every module, so adding a
/// connector touches no other file.
/// </summary>
public interface IConnectorModule
{
    void Register(IServiceCollection services);
}
