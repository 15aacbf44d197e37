using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Open311.Api.Http;

/// <summary>Which methods the route table offers at a path below <c>/open311</c>: tells a 405 from a 404, and answers preflights.</summary>
public static class RouteTable
{
    private static readonly (TemplateMatcher Matcher, string Method)[] Matchers =
        Open311Routes.All.Select(r => (new TemplateMatcher(TemplateParser.Parse(r.Template), new RouteValueDictionary()), r.Method)).ToArray();

    /// <param name="path">The path below the prefix, e.g. <c>/v2/requests.json</c>.</param>
    public static IReadOnlyList<string> MethodsAt(string path) =>
        Matchers.Where(m => m.Matcher.TryMatch(path, new RouteValueDictionary())).Select(m => m.Method).Distinct().ToList();

    public static bool IsManage(string path) =>
        path.StartsWith("/" + Open311Routes.Prefix + "/manage/", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/" + Open311Routes.Prefix + "/manage", StringComparison.OrdinalIgnoreCase);

    /// <summary>The part of a request path below <c>/open311</c>, or null when it is not below it.</summary>
    public static string? BelowPrefix(string? path)
    {
        var prefix = "/" + Open311Routes.Prefix;
        return path is not null && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/')
            ? path[prefix.Length..]
            : null;
    }
}
