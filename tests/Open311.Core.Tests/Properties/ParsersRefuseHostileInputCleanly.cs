using System.Text.Json;
using CsCheck;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Testing;

namespace Open311.Core.Tests.Properties;

/// <summary>
/// Property-based hostile input straight into Core's parsers (CsCheck, fixed seed, bounded case counts): each either
/// succeeds or refuses with the failure it documents (an Open311 error, a readable document error, a FormatException),
/// never anything else. Counts are recorded in docs/reliability.md.
/// </summary>
public sealed class ParsersRefuseHostileInputCleanly
{
    public const int Cases = 3000;

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Jurisdiction> Riverton = new(() =>
    {
        var document = DocumentJson.Read<JurisdictionDocument>(File.ReadAllText(RepoPaths.Of("samples", "riverton.json")), out _);
        var errors = new List<string>();
        var town = JurisdictionDocumentReader.Read(document, "riverton.example", errors);
        Assert.Empty(errors);
        return town;
    });

    private static readonly Gen<Parameters> Forms = FormsOf(
        ["service_code", "lat", "long", "attribute[size]", "attribute[surface][]", "start_date", "end_date", "status"],
        ["pothole", "44.2", "-72.57", "large", "1", "2026-11-01T00:00:00Z", "open"]);

    private static readonly Gen<Parameters> UpdateForms = FormsOf(
        ["service_request_id", "update_id", "update_id_ext", "status", "updated_datetime", "description", "media_url", "email", "first_name"],
        ["1", "u-1", "FIXED", "in progress", "2026-11-01T00:00:00+01:00", "https://fms.example.org/a.jpg", "rita@example.org", "Rita"]);

    [Fact]
    public void RequestSearchesAndSubmissionsRefuseWithOpen311Errors()
    {
        Hostile.Check(
            Forms,
            Cases,
            p =>
            {
                Refuses<Open311Exception>(() => RequestQueryParser.Parse(p, Riverton.Value, Now));
                Refuses<Open311Exception>(() => RequestSubmission.Parse(p, Riverton.Value, Now));
            },
            p => string.Join("&", p.Names.Select(n => $"{n}={p.Get(n)}")));
    }

    [Fact]
    public void TimesNeverThrow()
    {
        Hostile.Check(Hostile.Value, Cases, text => _ = Open311Time.TryParse(text, TimeZoneInfo.Utc, out _));
    }

    [Fact]
    public void JurisdictionDocumentsAreReadOrExplained()
    {
        Hostile.Check(
            Hostile.Json,
            Cases,
            json =>
            {
                var document = DocumentJson.Read<JurisdictionDocument>(json, out var error);
                if (error is null)
                {
                    var errors = new List<string>();
                    JurisdictionDocumentReader.Read(document, "x", errors);
                    Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e)));
                }
            });
    }

    [Fact]
    public void UpdateFormsAreReadOrRefused()
    {
        Hostile.Check(UpdateForms, Cases, form => Refuses<Open311Exception>(() => Open311.Core.Updates.UpdateSubmission.Parse(form, Riverton.Value)));
    }

    /// <summary>Forms of hostile names and values, mixed with the parser's own names and plausible values.</summary>
    private static Gen<Parameters> FormsOf(string[] names, string[] values) => Gen.Frequency(
            (3, Gen.Select(Hostile.ParameterName, Hostile.Value)),
            (2, Gen.Select(Gen.OneOf(names), Gen.OneOf(values))))
        .Array[0, 14]
        .Select(pairs =>
        {
            var parameters = new Parameters();
            foreach (var (name, value) in pairs)
            {
                parameters.Add(name, value);
            }

            return parameters;
        });

    /// <summary>Runs <paramref name="parse"/>; a <typeparamref name="TRefusal"/> is a fine answer, anything else fails the property.</summary>
    private static void Refuses<TRefusal>(Action parse)
        where TRefusal : Exception
    {
        try
        {
            parse();
        }
        catch (TRefusal)
        {
        }
    }
}
