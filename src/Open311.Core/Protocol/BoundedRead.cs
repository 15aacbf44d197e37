namespace Open311.Core.Protocol;

/// <summary>Reads a whole stream into memory, refusing to go past a size limit (request bodies, downloaded photos).</summary>
public static class BoundedRead
{
    /// <param name="tooLarge">The exception to throw once the stream has more than <paramref name="maxBytes"/>.</param>
    public static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw tooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
