namespace Open311.Core.Protocol;

/// <summary>The Open311 error body: <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;</c> / <c>[{"code":…,"description":…}]</c>.</summary>
public static class ErrorDocument
{
    public static Element Create(IEnumerable<Open311Error> errors) =>
        Element.List("errors", errors.Select(e => Element.Object(
            "error",
            Element.Integer("code", e.Code),
            Element.String("description", e.Description))));
}
