using System.Globalization;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Services;

namespace Open311.Core.Requests;

/// <summary>
/// Reads <c>attribute[CODE]</c> answers against a service definition. Multi-value answers arrive in every shape
/// clients use: <c>attribute[c][]=a&amp;attribute[c][]=b</c>, a repeated <c>attribute[c]</c>, or <c>a,b</c>.
/// </summary>
public static class AttributeParser
{
    public const int MaxValueLength = 4000;

    /// <summary>All answers of one request together: they are stored in one table property.</summary>
    public const int MaxTotalLength = 12_000;

    /// <param name="zone">The town's time zone: a date-only datetime answer means midnight there.</param>
    public static IReadOnlyList<SubmittedAttribute> Parse(Parameters p, Service service, List<string> errors, TimeZoneInfo? zone = null)
    {
        var submitted = new List<SubmittedAttribute>();
        foreach (var attribute in service.Attributes)
        {
            var indexed = p.Names.Where(n => n.StartsWith($"attribute[{attribute.Code}][", StringComparison.Ordinal) && n.EndsWith(']') && n.Length > attribute.Code.Length + 13
                && n[(attribute.Code.Length + 12)..^1].All(char.IsAsciiDigit));
            var raw = p.GetAll($"attribute[{attribute.Code}]").Concat(p.GetAll($"attribute[{attribute.Code}][]")).Concat(indexed.SelectMany(p.GetAll)).Select(v => v.Trim()).ToList();
            if (raw.Count == 0)
            {
                if (attribute.Required && attribute.Variable)
                {
                    errors.Add($"{attribute.Code} required: {attribute.Description}");
                }

                continue;
            }

            if (!attribute.Variable && attribute.Code != ExternalIdAttribute.Code)
            {
                continue; // informational attributes carry no answer
            }

            var values = Check(attribute, raw, errors, zone ?? TimeZoneInfo.Utc);
            if (values.Count > 0)
            {
                submitted.Add(new SubmittedAttribute(attribute.Code, values));
            }
        }

        if (submitted.Sum(a => a.Values.Sum(v => v.Length)) > MaxTotalLength)
        {
            errors.Add($"The attribute answers together may be at most {MaxTotalLength:N0} characters.");
        }

        return submitted;
    }

    private static IReadOnlyList<string> Check(ServiceAttribute attribute, List<string> raw, List<string> errors, TimeZoneInfo zone)
    {
        var label = $"attribute[{attribute.Code}]";
        if (raw.Any(v => v.Length > MaxValueLength))
        {
            errors.Add($"{label} must be at most {MaxValueLength} characters.");
            return [];
        }

        if (!raw.All(v => InputText.IsPlainText(v, allowLineBreaks: attribute.Datatype == AttributeDatatype.Text)))
        {
            errors.Add(attribute.Datatype == AttributeDatatype.Text
                ? $"{label} contains control characters."
                : $"{label} must be one line of text without control characters.");
            return [];
        }

        switch (attribute.Datatype)
        {
            case AttributeDatatype.MultiValueList:
                var keys = raw.SelectMany(v => IsKey(attribute, v) ? [v] : v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Distinct(StringComparer.Ordinal).ToList();
                return CheckKeys(attribute, keys, label, errors);
            case AttributeDatatype.SingleValueList:
                if (raw.Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    errors.Add($"{label} takes one value.");
                    return [];
                }

                return CheckKeys(attribute, [raw[0]], label, errors);
            case AttributeDatatype.Number:
                if (!double.TryParse(raw[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    errors.Add($"{label} must be a number.");
                    return [];
                }

                return [raw[0]];
            case AttributeDatatype.Datetime:
                if (!Open311Time.TryParse(raw[0], zone, out var when))
                {
                    errors.Add($"{label} must be an ISO 8601 date-time with a time zone.");
                    return [];
                }

                return [Open311Time.Format(when)];
            default:
                return [raw[0]];
        }
    }

    private static bool IsKey(ServiceAttribute attribute, string value) => attribute.Values.Any(v => v.Key == value);

    private static IReadOnlyList<string> CheckKeys(ServiceAttribute attribute, List<string> keys, string label, List<string> errors)
    {
        var unknown = keys.Where(k => !IsKey(attribute, k)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{label} value '{InputText.Quote(unknown[0])}' is not one of: {string.Join(", ", attribute.Values.Select(v => v.Key).Take(20))}.");
            return [];
        }

        return keys;
    }
}
