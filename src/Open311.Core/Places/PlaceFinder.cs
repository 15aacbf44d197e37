using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Jurisdictions;

namespace Open311.Core.Places;

/// <summary>
/// Finds where a report without coordinates is, best evidence first: a point written in its text (a map link, a
/// <c>geo:</c> URI, degrees), a what3words address when a key is configured, an address phrase in the towns' own
/// address points, and — only when configured — an outside geocoder. Every answer carries its accuracy and the
/// evidence; when two towns or two streets could be meant, there is no answer, only the reason.
/// </summary>
public sealed class PlaceFinder(
    Gazetteer gazetteer,
    JurisdictionRegistry registry,
    IEnumerable<IGeocoder> geocoders,
    IWhat3Words what3Words,
    IOptions<GeocoderOptions> options,
    ILogger<PlaceFinder> logger)
{
    /// <summary>Two geocoder candidates closer than this are the same place.</summary>
    public const double SamePlace = 50;

    public async Task<PlaceAnswer> FindAsync(PlaceQuestion question, CancellationToken cancellationToken)
    {
        var texts = question.Texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var scope = question.Jurisdictions is { Count: > 0 } named
            ? named.Select(id => snapshot.All.GetValueOrDefault(id)).OfType<Jurisdiction>().ToList()
            : snapshot.All.Values.ToList();
        var why = new List<string>();

        if (InText(texts, scope, why) is { } written)
        {
            return new PlaceAnswer(written, string.Empty);
        }

        if (await WordsAsync(texts, cancellationToken) is { } square)
        {
            return new PlaceAnswer(square, string.Empty);
        }

        var mentions = texts.SelectMany(AddressPhrase.Find).OrderBy(m => m.Kind).ToList();
        if (mentions.Count > 0)
        {
            var indexes = await gazetteer.GetAsync(question.Jurisdictions is { Count: > 0 } ? scope.Select(j => j.Id).ToList() : null, cancellationToken);
            foreach (var mention in mentions)
            {
                if (Gazetteer(mention, indexes, question.StreetLevel, why) is { } known)
                {
                    return new PlaceAnswer(known, string.Empty);
                }
            }

            if (indexes.Count == 0)
            {
                why.Add("no town this source serves has imported its address points");
            }
        }

        var phrase = mentions.FirstOrDefault()?.Phrase ?? question.AddressText;
        if (phrase is not null && question.OutsideGeocoder && geocoders.FirstOrDefault() is { } geocoder && await GeocodeAsync(geocoder, phrase, scope, question.StreetLevel, why, cancellationToken) is { } coded)
        {
            return new PlaceAnswer(coded, string.Empty);
        }

        return new PlaceAnswer(null, string.Join("; ", why.Distinct()));
    }

    /// <summary>
    /// A request posted with an <c>address_string</c> and no point: the town's own address points place it when they
    /// know the address (a note says how); otherwise it stays without a point, as the spec allows.
    /// </summary>
    public async Task<Requests.ServiceRequest> PlaceAsync(Requests.ServiceRequest draft, CancellationToken cancellationToken)
    {
        if (draft.Lat is not null || draft.Address is not { } address)
        {
            return draft;
        }

        var answer = await FindAsync(new PlaceQuestion(address, [address], [draft.JurisdictionId], StreetLevel: false, OutsideGeocoder: false), cancellationToken);
        if (answer.Place is not { } place)
        {
            return draft;
        }

        var note = new Requests.RequestNote(draft.RequestedAt, "activity", "Located from address_string", string.Create(CultureInfo.InvariantCulture, $"{place.Evidence} (±{place.AccuracyMeters:0} m)"));
        return draft with { Lat = Math.Round(place.Lat, 6), Long = Math.Round(place.Long, 6), Notes = [.. draft.Notes, note] };
    }

    /// <summary>A point written in the text; a bare pair that reads both ways only when one reading falls in a town served.</summary>
    private static FoundPlace? InText(List<string> texts, List<Jurisdiction> scope, List<string> why)
    {
        foreach (var text in texts)
        {
            var points = CoordinatesInText.Find(text);
            if (points.FirstOrDefault(p => !p.Ambiguous) is { } plain)
            {
                return new FoundPlace(plain.Lat, plain.Long, plain.AccuracyMeters, plain.Evidence);
            }

            var inside = points.Where(p => scope.Any(j => j.Boundary?.Covers(p.Lat, p.Long) == true)).ToList();
            if (inside.Count == 1)
            {
                var p = inside[0];
                return new FoundPlace(p.Lat, p.Long, p.AccuracyMeters, $"{p.Evidence} (the other reading is outside every town served)");
            }

            if (points.Count > 0)
            {
                why.Add(inside.Count > 1
                    ? $"the numbers {points[0].Evidence} can be read either way round inside the towns served"
                    : $"the numbers {points[0].Evidence} fall in no town this source serves either way round");
            }
        }

        return null;
    }

    private async Task<FoundPlace?> WordsAsync(List<string> texts, CancellationToken cancellationToken)
    {
        if (!what3Words.Configured)
        {
            return null;
        }

        foreach (var words in texts.SelectMany(CoordinatesInText.What3Words).Distinct())
        {
            if (await what3Words.ConvertAsync(words, cancellationToken) is { } point)
            {
                return new FoundPlace(point.Lat, point.Long, point.AccuracyMeters, point.Evidence);
            }
        }

        return null;
    }

    /// <summary>The mention in every town served: one town's answer is the place; two towns' answers are a question for a person.</summary>
    private static FoundPlace? Gazetteer(AddressMention mention, IReadOnlyList<AddressIndex> indexes, bool streetLevel, List<string> why)
    {
        var answers = new List<(AddressIndex Town, FoundPlace Place)>();
        var misses = new List<string>();
        foreach (var index in indexes)
        {
            if (index.Find(mention, streetLevel, out var miss) is { } place)
            {
                answers.Add((index, place));
            }
            else
            {
                misses.Add(miss);
            }
        }

        if (answers.Count == 1)
        {
            return answers[0].Place;
        }

        why.Add(answers.Count > 1
            ? $"'{mention.Phrase}' is in {string.Join(" and ", answers.Select(a => a.Town.Name))}, and this source serves both"
            : misses.Count == 1 ? misses[0] : $"'{mention.Phrase}' is in none of the address points of the towns served");
        return null;
    }

    private async Task<FoundPlace?> GeocodeAsync(IGeocoder geocoder, string phrase, List<Jurisdiction> scope, bool streetLevel, List<string> why, CancellationToken cancellationToken)
    {
        var boxes = scope.Select(j => j.Boundary?.Envelope).OfType<NetTopologySuite.Geometries.Envelope>().ToList();
        var query = new GeocodeQuery(
            phrase,
            scope.Count == 1 ? scope[0].Name : null,
            null,
            boxes.Count == 0 ? null : boxes.Min(b => b.MinX),
            boxes.Count == 0 ? null : boxes.Min(b => b.MinY),
            boxes.Count == 0 ? null : boxes.Max(b => b.MaxX),
            boxes.Count == 0 ? null : boxes.Max(b => b.MaxY));
        var candidates = await geocoder.SearchAsync(query, cancellationToken);
        var usable = candidates
            .Where(c => c.Confidence >= options.Value.MinConfidence)
            .Where(c => c.Kind == "house" || (streetLevel && c.Kind == "street"))
            .Where(c => scope.Any(j => j.Boundary?.Covers(c.Lat, c.Long) == true))
            .ToList();
        if (usable.Count == 0)
        {
            why.Add(candidates.Count == 0
                ? $"{geocoder.Name} does not know '{phrase}'"
                : $"{geocoder.Name}'s answers for '{phrase}' are not sure enough, or not inside a town served");
            return null;
        }

        var best = usable[0];
        if (usable.Any(c => GeoDistance.Meters(c.Lat, c.Long, best.Lat, best.Long) > SamePlace))
        {
            why.Add($"{geocoder.Name} places '{phrase}' in more than one spot");
            return null;
        }

        logger.LogInformation("{Geocoder} placed '{Phrase}' at {Label} (confidence {Confidence:0.00})", geocoder.Name, phrase, best.Label, best.Confidence);
        return new FoundPlace(best.Lat, best.Long, best.AccuracyMeters, string.Create(CultureInfo.InvariantCulture, $"{geocoder.Name}'s answer '{best.Label}' for '{phrase}' (confidence {best.Confidence:0.00})"));
    }
}
