using System.Text.Json;
using CsCheck;

namespace Open311.Testing;

/// <summary>Generators of hostile input shared by the property tests of every layer (CsCheck, fixed seeds).</summary>
public static class Hostile
{
    /// <summary>
    /// The seed every property test draws its cases from. Cases come from one PCG stream in order (CsCheck's own
    /// Sample seeds only the first iteration), so every run — here and in CI — tries exactly the same cases.
    /// </summary>
    public const ulong Seed = 311_2026;

    /// <summary>Runs <paramref name="assert"/> on <paramref name="cases"/> cases of <paramref name="gen"/>, the same ones every run.</summary>
    public static void Check<T>(Gen<T> gen, int cases, Action<T> assert, Func<T, string>? print = null) =>
        CheckAsync(gen, cases, value => { assert(value); return Task.CompletedTask; }, print).GetAwaiter().GetResult();

    public static async Task CheckAsync<T>(Gen<T> gen, int cases, Func<T, Task> assert, Func<T, string>? print = null)
    {
        var pcg = new PCG(1, Seed);
        for (var i = 0; i < cases; i++)
        {
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                await assert(value);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Case {i + 1} of {cases} failed ({ex.GetType().Name}: {ex.Message}):\n{(print ?? (v => v?.ToString() ?? "null"))(value)}\n{ex}");
            }
        }
    }

    /// <summary>Values attackers and broken clients send: empty, huge, control and surrogate characters, injections, odd numbers and dates.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (6, Gen.OneOf(
            "", " ", "0", "-1", "1e309", "NaN", "-0", "0x10", "1,2,,3", "44.2", "-72.57", "91", "null", "true", "[]", "{}",
            "2026-13-45T99:99:99Z", "2026-01-01", "2026-01-01T00:00:00+25:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
            "' or PartitionKey ne '", "<x>&amp;</x>", "]]>", "%00", "\0", "../../etc/passwd", "\ud800", "\u202e", "é", "🚧", "a\r\nb: c",
            "riverton.example", "pothole", "open", "closed", "json", "xml", "(hidden)", "http://127.0.0.1/", "javascript:alert(1)")),
        (2, Gen.String[0, 40]),
        (1, Gen.Char.AlphaNumeric.Array[2000, 6000].Select(c => new string(c))));

    /// <summary>Parameter names of the GeoReport and manage calls, and some that are not.</summary>
    public static readonly Gen<string> ParameterName = Gen.Frequency(
        (8, Gen.OneOf(
            "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id", "email", "first_name", "phone",
            "description", "media_url", "api_key", "start_date", "end_date", "status", "service_request_id", "page", "page_size",
            "updated_after", "updated_before", "extensions", "category", "take", "source", "outcome", "device_id",
            "attribute[size]", "attribute[size][]", "attribute[fixmystreet_id]", "attribute[]", "attribute[[x]]", "attribute")),
        (1, Gen.String[0, 20]));

    /// <summary>Member names of the documents and payloads the project reads, so generated JSON reaches their readers.</summary>
    public static readonly Gen<string> Member = Gen.Frequency(
        (6, Gen.OneOf(
            "name", "jurisdictions", "rate_per_minute", "tier", "timezone", "contact", "boundary", "type", "coordinates",
            "services", "service_code", "service_name", "attributes", "code", "datatype", "values", "key", "keywords", "group",
            "remote", "endpoint", "api_key", "jurisdiction_id", "format", "features", "properties", "geometry", "id",
            "deployment_url", "api_version", "webhook_url", "webhook_secret", "category_map", "triage_service",
            "max_accuracy_meters", "write_back", "status", "status_notes", "expected_datetime", "agency_responsible",
            "title", "content", "post_content", "fields", "value", "lat", "lon", "tags", "media", "result", "original_file_url",
            "form_id", "form", "categories", "post_date", "created", "date", "timezone", "author_email", "author_realname", "input")),
        (1, Gen.String[0, 20]));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Value.Select(v => JsonSerializer.Serialize(v))),
        (2, Gen.OneOf("null", "0", "1", "-1", "44.2", "-72.57", "1e308", "-1e400", "true", "false", "12345678901234567890")),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0")));

    /// <summary>JSON of any shape: nulls where lists are expected, lists of null, wrong types, deep nesting.</summary>
    public static readonly Gen<string> Json = Gen.Recursive<string>((depth, inner) => depth > 4
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, Gen.OneOf("[null]", "{\"jurisdictions\":[null]}", "{\"services\":[null]}", "{\"boundary\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0]]]}}", "{\"result\":null}")),
            (2, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(Member, inner).Array[0, 6]
                .Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}"))));
}
