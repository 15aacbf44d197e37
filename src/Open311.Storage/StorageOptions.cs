namespace Open311.Storage;

/// <summary>
/// Configuration section <c>Storage</c>. Locally a connection string (Azurite); in Azure the service URIs and a
/// managed identity (<c>Storage__TableServiceUri</c>, <c>Storage__BlobServiceUri</c>, <c>Storage__ClientId</c>).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty for the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prepended to every table and container name: lets tests and benchmarks share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>
    /// The forwarding queue's name, from the flat setting <c>ForwardQueueName</c> that the Functions queue trigger
    /// reads too (<c>%ForwardQueueName%</c>); default: <see cref="TablePrefix"/> + <c>forward</c>.
    /// </summary>
    public string? ForwardQueueName { get; set; }

    /// <summary>
    /// How many request ids to skip when a process reserves its first block from a counter that already exists. Azure
    /// Storage never loses an acknowledged write, so 0 there; run.sh sets 1,000 because Azurite saves to disk every few
    /// seconds and a hard kill forgets the latest ids, which must never be handed out again.
    /// </summary>
    public int IdGapAfterRestart { get; set; }
}
