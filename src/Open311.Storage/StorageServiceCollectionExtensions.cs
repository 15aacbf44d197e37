using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Open311.Core.Jurisdictions;
using Open311.Core.Keys;
using Open311.Core.Media;
using Open311.Core.Requests;
using Open311.Storage.Jurisdictions;
using Open311.Storage.Keys;
using Open311.Storage.Media;
using Open311.Storage.Requests;
using Open311.Storage.Tables;

namespace Open311.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the Azure Storage adapters for Core's ports, configured from the <c>Storage</c> section.</summary>
    public static IServiceCollection AddOpen311Storage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton(sp => CreateTableService(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton(sp => CreateBlobService(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton<TableProvider>();
        services.AddSingleton<IRequestStore, TableRequestStore>();
        services.AddSingleton<IJurisdictionStore, TableJurisdictionStore>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IMediaStore, BlobMediaStore>();
        return services;
    }

    private static TableServiceClient CreateTableService(StorageOptions o) =>
        o.ConnectionString is { Length: > 0 } cs ? new TableServiceClient(cs)
        : new TableServiceClient(o.TableServiceUri ?? throw Missing("TableServiceUri"), Credential(o));

    private static BlobServiceClient CreateBlobService(StorageOptions o) =>
        o.ConnectionString is { Length: > 0 } cs ? new BlobServiceClient(cs)
        : new BlobServiceClient(o.BlobServiceUri ?? throw Missing("BlobServiceUri"), Credential(o));

    private static TokenCredential Credential(StorageOptions o) =>
        o.ClientId is { Length: > 0 } id ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id)) : new DefaultAzureCredential();

    private static InvalidOperationException Missing(string name) =>
        new($"Storage is not configured: set Storage__ConnectionString (local) or Storage__{name} with a managed identity (Azure).");
}
