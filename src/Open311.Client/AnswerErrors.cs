namespace Open311.Client;

/// <summary>
/// Open311 error bodies and their common non-spec shapes (<c>&lt;errors&gt;</c>, a bare <c>&lt;error&gt;</c>,
/// <c>[{code, description}]</c>, one object, <c>detail</c> or <c>message</c> instead of <c>description</c>), read into
/// short reasons.
/// </summary>
internal static class AnswerErrors
{
    private const int MaxReasons = 20;
    private const int MaxReasonLength = 500;

    public static readonly string[] Lists = ["errors"];

    private static readonly string[] GeoReportFields = ["service_code", "service_request_id", "token", "update_id", "service_name"];
    private static readonly string[] Messages = ["description", "detail", "message"];

    // An error list in a 2xx answer (some cities answer 200 to everything) must not read as an empty success.
    public static IReadOnlyList<string> InDocument(Node root)
    {
        if (root.Kind is NodeKind.Element or NodeKind.Text && (root.Is("errors") || root.Is("error")))
        {
            return Reasons(root.Records("error", Lists));
        }

        if (root.Kind == NodeKind.Object && root.Field("errors") is not null)
        {
            return Reasons(root.Records("error", Lists));
        }

        if (root.Kind is NodeKind.Array or NodeKind.Object)
        {
            var records = root.Records("error");
            if (records.Count > 0 && records.All(LooksLikeError))
            {
                return Reasons(records);
            }
        }

        return [];
    }

    public static IReadOnlyList<string> Reasons(IReadOnlyList<Node> records)
    {
        var reasons = new List<string>();
        foreach (var record in records.Take(MaxReasons))
        {
            var reason = record.Value
                ?? Messages.Select(record.Text).FirstOrDefault(m => m is not null)
                ?? (record.Text("code") is { } code ? $"error {code}" : null);
            if (reason is not null)
            {
                reasons.Add(reason.Length > MaxReasonLength ? string.Concat(reason.AsSpan(0, MaxReasonLength), "…") : reason);
            }
        }

        return reasons;
    }

    private static bool LooksLikeError(Node record) =>
        record.Kind == NodeKind.Object
        && record.Field("code") is not null
        && Messages.Any(m => record.Field(m) is not null)
        && !GeoReportFields.Any(f => record.Field(f) is not null);
}
