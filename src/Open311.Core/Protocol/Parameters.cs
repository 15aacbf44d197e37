namespace Open311.Core.Protocol;

/// <summary>
/// The named values of a query string or form, host-neutral. An empty value counts as absent, as the spec
/// requires ("a null parameter should be treated as equivalent to a non-declared parameter").
/// </summary>
public sealed class Parameters
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => values.Keys;

    public void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The first non-blank value, trimmed; null when absent or blank.</summary>
    public string? Get(string name)
    {
        if (values.TryGetValue(name, out var list))
        {
            foreach (var value in list)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>Every non-blank value of a repeated parameter, untrimmed.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        values.TryGetValue(name, out var list) ? list.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray() : [];

    /// <summary>A comma-delimited list (<c>status=open,closed</c>), also split across repeated parameters.</summary>
    public IReadOnlyList<string> GetList(string name) =>
        GetAll(name)
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
