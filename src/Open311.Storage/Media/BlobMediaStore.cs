using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Open311.Core.Media;
using Open311.Storage.Tables;

namespace Open311.Storage.Media;

/// <summary>
/// Request photos in a private blob container, one folder per jurisdiction, served back through our own
/// media route (so the account can keep public access off).
/// </summary>
public sealed class BlobMediaStore(BlobServiceClient service, StorageOptions options) : IMediaStore
{
    private readonly OnFirstUse<BlobContainerClient> container = new(async ct =>
    {
        var client = service.GetBlobContainerClient((options.TablePrefix + "media").ToLowerInvariant());
        await client.CreateIfNotExistsAsync(cancellationToken: ct);
        return client;
    });

    public async Task<string> SaveAsync(string folder, ReadOnlyMemory<byte> content, ImageKind kind, CancellationToken cancellationToken)
    {
        var name = $"{Guid.NewGuid():N}.{kind.Extension}";
        await SaveAsAsync(folder, name, content, kind.ContentType, cancellationToken);
        return name;
    }

    public async Task SaveAsAsync(string folder, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var blob = (await container.GetAsync(cancellationToken)).GetBlobClient(BlobName(folder, name));
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string jurisdictionId, string name, CancellationToken cancellationToken)
    {
        var blob = (await container.GetAsync(cancellationToken)).GetBlobClient(BlobName(jurisdictionId, name));
        try
        {
            return await blob.OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(string jurisdictionId, string name) => TableKeys.Escape(jurisdictionId) + "/" + name;
}
