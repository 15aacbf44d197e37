using System.Globalization;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;

namespace Open311.Core.Requests;

/// <summary>Turns GET requests parameters into a <see cref="RequestQuery"/>, reporting every bad parameter at once.</summary>
public static class RequestQueryParser
{
    public const int MaxResults = 1000;
    public const int MaxIds = 100;
    public const int MaxSkip = 100_000;
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public static RequestQuery Parse(Parameters p, Jurisdiction jurisdiction, DateTimeOffset now)
    {
        var errors = new List<string>();
        var extensions = ParseFlag(p.Get("extensions"), "extensions", errors);
        var (skip, take) = ParsePaging(p, errors);

        var ids = p.GetList("service_request_id");
        if (ids.Count > 0)
        {
            errors.Clear(); // the id list overrides every other argument, paging included
            if (ids.Count > MaxIds)
            {
                errors.Add($"service_request_id lists at most {MaxIds} ids.");
            }

            errors.AddRange(ids.Where(id => !InputText.IsIdentifier(id)).Select(id => $"service_request_id '{InputText.Quote(id)}' is not a valid id."));
            Throw(errors);
            return new RequestQuery { Ids = ids, Extensions = extensions };
        }

        var codes = p.GetList("service_code");
        var unknown = codes.Where(c => jurisdiction.FindService(c) is null).ToArray();

        var statuses = p.GetList("status").Select(s => s.ToLowerInvariant()).Distinct().ToArray();
        errors.AddRange(statuses.Where(s => !RequestStatus.IsValid(s)).Select(s => $"status '{InputText.Quote(s)}' is not one of open, closed."));

        var start = ParseDate(p, "start_date", jurisdiction, errors);
        var end = ParseDate(p, "end_date", jurisdiction, errors);
        var updatedAfter = ParseDate(p, "updated_after", jurisdiction, errors);
        var updatedBefore = ParseDate(p, "updated_before", jurisdiction, errors);
        Throw(errors);

        var byUpdated = updatedAfter is not null || updatedBefore is not null;
        var (from, to) = byUpdated && start is null && end is null
            ? (DateTimeOffset.MinValue, DateTimeOffset.MaxValue)
            : Window(start, end, now, "start_date", "end_date", errors);
        var (updatedFrom, updatedTo) = byUpdated
            ? Window(updatedAfter, updatedBefore, now, "updated_after", "updated_before", errors)
            : (default(DateTimeOffset?), default(DateTimeOffset?));
        Throw(errors);

        if (unknown.Length > 0)
        {
            throw new Open311Exception(404, unknown.Select(c => new Open311Error(404, $"service_code '{InputText.Quote(c)}' not found.")).ToArray());
        }

        return new RequestQuery
        {
            ServiceCodes = codes,
            Statuses = statuses,
            Start = from,
            End = to,
            UpdatedAfter = updatedFrom,
            UpdatedBefore = updatedTo,
            Skip = skip,
            Take = take,
            Extensions = extensions,
        };
    }

    public static bool ParseFlag(string? value, string name, List<string> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "false" or "0":
                return false;
            case "true" or "1" or "all":
                return true;
            default:
                errors.Add($"{name} must be true or false.");
                return false;
        }
    }

    private static (int Skip, int Take) ParsePaging(Parameters p, List<string> errors)
    {
        var page = ParseInt(p.Get("page"), "page", 0, int.MaxValue, errors) ?? 1;
        var size = ParseInt(p.Get("page_size"), "page_size", 1, MaxResults, errors) ?? MaxResults;
        // A page beyond what a query can reach is empty, like any page past the end.
        var skip = ((long)Math.Max(page, 1) - 1) * size;
        return skip > MaxSkip ? (0, 0) : ((int)skip, size);
    }

    private static int? ParseInt(string? text, string name, int min, int max, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{name} must be a whole number from {min} to {max}.");
        return null;
    }

    public static DateTimeOffset? ParseDate(Parameters p, string name, Jurisdiction jurisdiction, List<string> errors)
    {
        var text = p.Get(name);
        if (text is null)
        {
            return null;
        }

        if (Open311Time.TryParse(text, jurisdiction.TimeZone, out var value))
        {
            return value;
        }

        errors.Add($"{name} '{InputText.Quote(text)}' is not a date-time with a time zone, e.g. 2026-01-31T13:45:00Z or 2026-01-31T08:45:00-05:00.");
        return null;
    }

    public static (DateTimeOffset, DateTimeOffset) Window(
        DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now, string startName, string endName, List<string> errors)
    {
        var to = end ?? (start is { } s ? s + MaxSpan : now);
        var from = start ?? to - MaxSpan;
        if (to < from)
        {
            errors.Add($"{endName} is before {startName}.");
        }
        else if (to - from > MaxSpan)
        {
            errors.Add($"{startName} and {endName} may be at most 90 days apart.");
        }

        return (from, to);
    }

    private static void Throw(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }
    }
}
