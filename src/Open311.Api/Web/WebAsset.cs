using System.IO.Compression;
using System.Security.Cryptography;

namespace Open311.Api.Web;

/// <summary>One embedded file of the web pages, held as it is and gzip-compressed, with an ETag of its content.</summary>
public sealed record WebAsset(string ContentType, byte[] Content, byte[] Gzipped, string ETag)
{
    public static WebAsset From(string contentType, byte[] content)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return new WebAsset(contentType, content, packed.ToArray(), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }
}
