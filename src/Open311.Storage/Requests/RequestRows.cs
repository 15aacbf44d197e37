using Open311.Core.Requests;
using Open311.Storage.Tables;

namespace Open311.Storage.Requests;

/// <summary>
/// The row keys of one jurisdiction's partition in the Requests table. All rows of a request share the
/// partition, so creating or changing a request is one entity group transaction.
/// <list type="bullet">
/// <item><c>r|{id}</c> the request, with the requester's personal data (point read for GET by id)</item>
/// <item><c>d|{inv}|{id}</c>, <c>s|{status}|{inv}|{id}</c>, <c>c|{code}|{inv}|{id}</c> list indexes by requested time
/// (inv = inverted ticks, newest first), holding the public fields only</item>
/// <item><c>u|{inv(updated)}|{id}</c> the index for <c>updated_after</c> / <c>updated_before</c></item>
/// <item><c>x|{external id}</c> the dedupe row; <c>t|{token}</c> the batch token; <c>n|counter</c> the next id</item>
/// <item><c>v|{ticks(recorded)}|{update id}</c> the <c>servicerequestupdates</c> feed, oldest first; <c>w|{client update
/// id}</c> its dedupe row</item>
/// </list>
/// </summary>
public static class RequestRows
{
    public const string Counter = "n|counter";

    public static string Partition(string jurisdictionId) => TableKeys.Escape(jurisdictionId);

    public static string Primary(string id) => "r|" + TableKeys.Escape(id);

    public static string ByDate(ServiceRequest r) => DatePrefix + Suffix(r.RequestedAt, r.Id);

    public static string ByStatus(ServiceRequest r) => StatusPrefix(r.Status) + Suffix(r.RequestedAt, r.Id);

    public static string ByCode(ServiceRequest r) => CodePrefix(r.ServiceCode) + Suffix(r.RequestedAt, r.Id);

    public static string ByUpdated(ServiceRequest r) => UpdatedPrefix + Suffix(r.UpdatedAt, r.Id);

    public static string External(string externalId) => "x|" + TableKeys.Escape(externalId);

    public static string Token(string token) => "t|" + TableKeys.Escape(token);

    public const string UpdatePrefix = "v|";

    public static string Update(Core.Updates.StatusUpdate u) => UpdateFrom(u.RecordedAt) + "|" + TableKeys.Escape(u.UpdateId);

    /// <summary>The first feed key at or after <paramref name="time"/>: ticks in 19 digits sort as times do.</summary>
    public static string UpdateFrom(DateTimeOffset time) => UpdatePrefix + time.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static string ClientUpdate(string clientUpdateId) => "w|" + TableKeys.Escape(clientUpdateId);

    public const string DatePrefix = "d|";

    public const string UpdatedPrefix = "u|";

    public static string StatusPrefix(string status) => "s|" + status + "|";

    public static string CodePrefix(string code) => "c|" + TableKeys.Escape(code) + "|";

    private static string Suffix(DateTimeOffset time, string id) => TableKeys.InvertedTicks(time) + "|" + TableKeys.Escape(id);
}
