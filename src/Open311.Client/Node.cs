namespace Open311.Client;

/// <summary>
/// A format-neutral view of an answer: XML elements and JSON values become the same tree, so one mapping reads both
/// formats into the same models. Names match ignoring case and namespaces; text is trimmed and empty text is null.
/// </summary>
internal sealed class Node
{
    public static readonly Node Empty = new(NodeKind.Text, null, null, []);

    public Node(NodeKind kind, string? name, string? value, IReadOnlyList<Node> children)
    {
        Kind = kind;
        Name = name;
        Value = value;
        Children = children;
    }

    public NodeKind Kind { get; }

    /// <summary>The element's local name or the property's name; null for a JSON root or array item.</summary>
    public string? Name { get; }

    /// <summary>The text of a <see cref="NodeKind.Text"/> node: trimmed, null when empty.</summary>
    public string? Value { get; }

    /// <summary>Child elements, object properties or array items, in document order.</summary>
    public IReadOnlyList<Node> Children { get; }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    public Node? Field(string name)
    {
        foreach (var child in Children)
        {
            if (child.Is(name))
            {
                return child;
            }
        }

        return null;
    }

    public string? Text(string name) => Field(name)?.Value;

    /// <summary>
    /// The records of a list answer however the city shaped it: a Spark array, an XML list of <paramref name="item"/>
    /// elements under any root, a list wrapped in one of <paramref name="wrappers"/>, or one record where a list belongs.
    /// </summary>
    public IReadOnlyList<Node> Records(string item, params string[] wrappers)
    {
        if (Kind == NodeKind.Array)
        {
            return Children;
        }

        if (Kind == NodeKind.Text)
        {
            // A bare <error>text</error> root is a record; an empty <service_requests/> is an empty list.
            return Is(item) ? new[] { this } : System.Array.Empty<Node>();
        }

        foreach (var wrapper in wrappers)
        {
            if (Field(wrapper) is { Kind: not NodeKind.Text } inner)
            {
                return inner.Records(item);
            }
        }

        var named = new List<Node>();
        foreach (var child in Children)
        {
            if (child.Is(item) && child.Kind == NodeKind.Array)
            {
                named.AddRange(child.Children);
            }
            else if (child.Is(item))
            {
                named.Add(child);
            }
        }

        if (named.Count > 0)
        {
            return named;
        }

        if (Is(item) || Kind == NodeKind.Object)
        {
            return new[] { this };
        }

        // An XML list under an unexpected root with unexpected item names: FixMyStreet ignores both names too.
        return Children.Where(c => c.Kind == NodeKind.Element).ToList();
    }
}
