using System.Collections.Specialized;
using System.Web;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>One request as the stand-in received it: method, target (path and query), header lines by name, body.</summary>
public sealed record StandInRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Target.Split('?')[0];

    public NameValueCollection Query => HttpUtility.ParseQueryString(Target.Contains('?', StringComparison.Ordinal) ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
