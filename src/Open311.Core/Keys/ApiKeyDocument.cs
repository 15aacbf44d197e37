namespace Open311.Core.Keys;

/// <summary>The manage API's request to issue a key (snake_case JSON).</summary>
public sealed class ApiKeyDocument
{
    public string? Name { get; set; }

    /// <summary>The jurisdictions the key may post to; leave out for all of them.</summary>
    public List<string>? Jurisdictions { get; set; }

    public int? RatePerMinute { get; set; }
}
