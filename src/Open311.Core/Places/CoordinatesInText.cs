using System.Globalization;
using System.Text.RegularExpressions;

namespace Open311.Core.Places;

/// <summary>
/// Reads points written into a report: geo: URIs; OpenStreetMap, Google Maps and Apple Maps links; decimal pairs, bare
/// or with hemisphere letters; and degrees-minutes-seconds. Nothing is fetched: short links (goo.gl, bit.ly, t.co …)
/// give nothing, and what3words addresses are only listed, for a caller with an API key to resolve.
/// </summary>
public static partial class CoordinatesInText
{
    // A map link longer than this is not worth unescaping.
    private const int MaxLinkLength = 4096;

    private const double SecondsAccuracy = 30;
    private const double DecimalMinutesAccuracy = 200;
    private const double WholeMinutesAccuracy = 1850;

    // Degrees, minutes and optional seconds, with the marks residents type: ° º ˚, ' ’ ′, " ” ″ ''.
    private const string AnglePattern =
        @"(?<deg>[0-9]{1,3})\s{0,2}[\u00B0\u00BA\u02DA]\s{0,2}(?<min>[0-9]{1,2}(?:\.[0-9]{1,6})?)\s{0,2}['\u2019\u2032]"
        + @"(?:\s{0,2}(?<sec>[0-9]{1,2}(?:\.[0-9]{1,6})?)\s{0,2}(?:''|\u2019\u2019|\u2032\u2032|[\u0022\u201D\u2033]))?";

    private static readonly char[] HostEnd = ['/', '?', '#'];

    // Sentence punctuation and closing quotes or brackets after a link are not part of it.
    private static readonly char[] LinkTrailer = ['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '\u2019', '\u201D', '*'];

    /// <summary>
    /// Every point in the text, in text order. A bare pair that reads either way round gives both readings, each
    /// marked ambiguous; impossible values and (0, 0) give nothing.
    /// </summary>
    public static IReadOnlyList<TextPoint> Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        // Each pass marks the text it used, so a later, looser pass does not read it again.
        var taken = new bool[text.Length];
        var found = new List<(int Index, TextPoint Point)>();
        FindLinks(text, taken, found);
        FindDegreesMinutes(text, taken, found);
        FindHemispherePairs(text, taken, found);
        FindBarePairs(text, taken, found);
        return [.. found.OrderBy(f => f.Index).Select(f => f.Point)];
    }

    /// <summary>
    /// what3words addresses as "///index.home.raft", from "///…", "w3w.co/…" and "what3words.com/…" forms, once each
    /// in text order. They are not resolved here: that needs the what3words API and a key.
    /// </summary>
    public static IReadOnlyList<string> What3Words(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var addresses = new List<string>();
        foreach (Match match in What3WordsAddress().Matches(text))
        {
            var address = "///" + match.Groups["words"].Value.ToLowerInvariant();
            if (!addresses.Contains(address))
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    private static void FindLinks(string text, bool[] taken, List<(int Index, TextPoint Point)> found)
    {
        foreach (Match match in LinkToken().Matches(text))
        {
            // Every link is taken, map or not: numbers inside a link are never prose coordinates.
            Take(taken, match.Index, match.Length);
            var link = match.Value.TrimEnd(LinkTrailer);
            if (link.Length <= MaxLinkLength && ReadLink(link) is { } point)
            {
                found.Add((match.Index, point));
            }
        }
    }

    private static TextPoint? ReadLink(string link)
    {
        if (link.StartsWith("geo:", StringComparison.OrdinalIgnoreCase))
        {
            return ReadGeoUri(link);
        }

        var rest = link;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var hostEnd = rest.IndexOfAny(HostEnd);
        var host = (hostEnd < 0 ? rest : rest[..hostEnd]).ToLowerInvariant();
        var tail = hostEnd < 0 ? "" : rest[hostEnd..];
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var hash = tail.IndexOf('#');
        var fragment = hash < 0 ? "" : tail[(hash + 1)..];
        var beforeHash = hash < 0 ? tail : tail[..hash];
        var question = beforeHash.IndexOf('?');
        var path = question < 0 ? beforeHash : beforeHash[..question];
        var query = Parameters(question < 0 ? "" : beforeHash[(question + 1)..]);

        if (host is "openstreetmap.org" or "osm.org" || host.EndsWith(".openstreetmap.org", StringComparison.Ordinal))
        {
            // The marker (mlat/mlon) is the place; #map= is only where the map was looking.
            var pair = Pair(query, "mlat", "mlon") ?? FirstPair(OsmMap(), fragment) ?? Pair(query, "lat", "lon");
            return LinkPoint(pair, "an OpenStreetMap link");
        }

        var googleHost = host.StartsWith("google.", StringComparison.Ordinal) || host.StartsWith("maps.google.", StringComparison.Ordinal);
        if (googleHost && (host.StartsWith("maps.", StringComparison.Ordinal) || path.StartsWith("/maps", StringComparison.OrdinalIgnoreCase)))
        {
            // A place link's pin (!3d…!4d…) beats its viewport (@…); q= with a place name is not a point.
            var decodedPath = Unescape(path);
            var pair = PairValue(query, "q") ?? PairValue(query, "query") ?? FirstPair(GooglePin(), decodedPath)
                ?? PairValue(query, "ll") ?? FirstPair(GoogleAt(), decodedPath);
            return LinkPoint(pair, "a Google Maps link");
        }

        if (host is "maps.apple.com" or "maps.apple")
        {
            // ll= is the point even when q= names the place.
            var pair = PairValue(query, "ll") ?? PairValue(query, "q") ?? PairValue(query, "coordinate");
            return LinkPoint(pair, "an Apple Maps link");
        }

        return null;
    }

    private static TextPoint? ReadGeoUri(string link)
    {
        var match = GeoUri().Match(link);
        if (!match.Success)
        {
            return null;
        }

        double? uncertainty = null;
        foreach (var parameter in match.Groups["params"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=');
            var name = equals < 0 ? parameter : parameter[..equals];
            var value = equals < 0 ? "" : parameter[(equals + 1)..];
            if (name.Equals("crs", StringComparison.OrdinalIgnoreCase) && !value.Equals("wgs84", StringComparison.OrdinalIgnoreCase))
            {
                // Another planet, or a projected grid: not WGS84 degrees.
                return null;
            }

            if (name.Equals("u", StringComparison.OrdinalIgnoreCase) && TryNumber(value, out var meters) && meters > 0)
            {
                uncertainty = meters;
            }
        }

        var lat = match.Groups["a"].Value;
        var lon = match.Groups["b"].Value;

        // Android shares "geo:0,0?q=lat,lon(label)": the point is in the query.
        if (TryNumber(lat, out var latValue) && TryNumber(lon, out var longValue) && latValue == 0 && longValue == 0
            && match.Groups["query"].Success && Parameters(match.Groups["query"].Value).TryGetValue("q", out var q))
        {
            var label = q.IndexOf('(');
            var inQuery = PairText().Match(label < 0 ? q : q[..label]);
            if (inQuery.Success)
            {
                lat = inQuery.Groups["a"].Value;
                lon = inQuery.Groups["b"].Value;
            }
        }

        return PointFrom(lat, lon, uncertainty ?? DecimalsAccuracy(lat, lon), "a geo: URI", ambiguous: false);
    }

    private static void FindDegreesMinutes(string text, bool[] taken, List<(int Index, TextPoint Point)> found)
    {
        var matches = DegreesMinutes().Matches(text);
        for (var m = 0; m + 1 < matches.Count; m++)
        {
            var first = matches[m];
            var second = matches[m + 1];
            var end = second.Index + second.Length;
            if (!IsPairGap(text, first.Index + first.Length, second.Index) || !IsFree(taken, first.Index, end - first.Index)
                || !TryAngle(first, out var a) || !TryAngle(second, out var b))
            {
                continue;
            }

            var (lat, lon) = IsLatitudeLetter(a.Hemisphere) ? (a, b) : (b, a);
            if (!IsLatitudeLetter(lat.Hemisphere) || IsLatitudeLetter(lon.Hemisphere))
            {
                continue;
            }

            var kind = a.Seconds || b.Seconds ? "degrees-minutes-seconds" : "degrees and decimal minutes";
            var evidence = $"{kind} {text[first.Index..end]}";
            if (Point(lat.Value, lon.Value, Math.Max(a.Accuracy, b.Accuracy), evidence, ambiguous: false) is { } point)
            {
                Take(taken, first.Index, end - first.Index);
                found.Add((first.Index, point));
                m++;
            }
        }
    }

    private static bool TryAngle(Match match, out Angle angle)
    {
        angle = default;
        var hemisphere = match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["post"].Value;
        var minutesText = match.Groups["min"].Value;
        var hasSeconds = match.Groups["sec"].Success;
        var seconds = 0.0;
        if (hemisphere.Length != 1 || !TryNumber(minutesText, out var minutes)
            || (hasSeconds && !TryNumber(match.Groups["sec"].Value, out seconds)) || minutes >= 60 || seconds >= 60)
        {
            return false;
        }

        var degrees = int.Parse(match.Groups["deg"].Value, CultureInfo.InvariantCulture);
        var value = degrees + (minutes / 60) + (seconds / 3600);
        var letter = hemisphere[0];
        var accuracy = hasSeconds ? SecondsAccuracy : minutesText.Contains('.') ? DecimalMinutesAccuracy : WholeMinutesAccuracy;
        angle = new Angle((letter is 'S' or 'W') ? -value : value, letter, accuracy, hasSeconds);
        return true;
    }

    private static void FindHemispherePairs(string text, bool[] taken, List<(int Index, TextPoint Point)> found)
    {
        foreach (var pattern in new[] { HemisphereAfter(), HemisphereBefore() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var firstLetter = match.Groups["ha"].Value[0];
                var secondLetter = match.Groups["hb"].Value[0];
                if (!IsFree(taken, match.Index, match.Length) || IsLatitudeLetter(firstLetter) == IsLatitudeLetter(secondLetter))
                {
                    continue;
                }

                var firstText = match.Groups["a"].Value;
                var secondText = match.Groups["b"].Value;
                if (!TryNumber(firstText, out var first) || !TryNumber(secondText, out var second))
                {
                    continue;
                }

                first = (firstLetter is 'S' or 'W') ? -first : first;
                second = (secondLetter is 'S' or 'W') ? -second : second;
                var (lat, lon) = IsLatitudeLetter(firstLetter) ? (first, second) : (second, first);
                var accuracy = DecimalsAccuracy(firstText, secondText);
                if (Point(lat, lon, accuracy, $"coordinates {match.Value}", ambiguous: false) is { } point)
                {
                    Take(taken, match.Index, match.Length);
                    found.Add((match.Index, point));
                }
            }
        }
    }

    private static void FindBarePairs(string text, bool[] taken, List<(int Index, TextPoint Point)> found)
    {
        foreach (Match match in BarePair().Matches(text))
        {
            var firstText = match.Groups["a"].Value;
            var secondText = match.Groups["b"].Value;
            if (!IsFree(taken, match.Index, match.Length) || InNumberRun(text, match.Index, match.Index + match.Length)
                || !TryNumber(firstText, out var first) || !TryNumber(secondText, out var second))
            {
                continue;
            }

            var accuracy = DecimalsAccuracy(firstText, secondText);
            var written = match.Value;
            if (Math.Abs(first) <= 90 && Math.Abs(second) <= 90)
            {
                // Either number could be the latitude: give both readings and let the jurisdictions decide.
                if (Point(first, second, accuracy, $"coordinates {written} read as latitude, longitude", ambiguous: true) is { } asWritten)
                {
                    found.Add((match.Index, asWritten));
                }

                if (Point(second, first, accuracy, $"coordinates {written} read as longitude, latitude", ambiguous: true) is { } swapped)
                {
                    found.Add((match.Index, swapped));
                }
            }
            else
            {
                // Only one number can be a latitude, so the order is not in doubt.
                var point = Math.Abs(first) <= 90
                    ? Point(first, second, accuracy, $"coordinates {written}", ambiguous: false)
                    : Point(second, first, accuracy, $"coordinates {written} read as longitude, latitude", ambiguous: false);
                if (point is not null)
                {
                    found.Add((match.Index, point));
                }
            }
        }
    }

    // A pair inside a longer run of decimals ("1.234, 5.678, 9.101") is a table of figures, not a place.
    private static bool InNumberRun(string text, int start, int end)
    {
        var before = start;
        while (before > 0 && start - before < 4 && IsRunSeparator(text[before - 1]))
        {
            before--;
        }

        if (before < start && EndsWithDecimal(text, before))
        {
            return true;
        }

        var after = end;
        while (after < text.Length && after - end < 4 && IsRunSeparator(text[after]))
        {
            after++;
        }

        return after > end && StartsWithDecimal(text, after);
    }

    private static bool IsRunSeparator(char c) => c is ',' or ';' || char.IsWhiteSpace(c);

    // Whether text[..end] ends with digits, a dot and digits.
    private static bool EndsWithDecimal(string text, int end)
    {
        var i = end - 1;
        var digits = 0;
        while (i >= 0 && digits < 20 && char.IsAsciiDigit(text[i]))
        {
            i--;
            digits++;
        }

        return digits > 0 && i > 0 && text[i] == '.' && char.IsAsciiDigit(text[i - 1]);
    }

    // Whether text[start..] starts with an optional sign, digits, a dot and a digit.
    private static bool StartsWithDecimal(string text, int start)
    {
        var i = start;
        if (i < text.Length && (text[i] is '-' or '+' or '\u2212'))
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && digits < 4 && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        return digits > 0 && i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]);
    }

    private static bool IsPairGap(string text, int from, int to)
    {
        if (to - from > 4)
        {
            return false;
        }

        for (var c = from; c < to; c++)
        {
            if (!char.IsWhiteSpace(text[c]) && text[c] is not (',' or ';' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLatitudeLetter(char letter) => letter is 'N' or 'S';

    private static bool IsFree(bool[] taken, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (taken[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Take(bool[] taken, int start, int length) => Array.Fill(taken, true, start, length);

    private static Dictionary<string, string> Parameters(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                parameters.TryAdd(part[..equals], Unescape(part[(equals + 1)..]));
            }
        }

        return parameters;
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static (string Lat, string Long)? Pair(Dictionary<string, string> query, string latKey, string longKey) =>
        query.TryGetValue(latKey, out var lat) && query.TryGetValue(longKey, out var lon) ? (lat.Trim(), lon.Trim()) : null;

    private static (string Lat, string Long)? PairValue(Dictionary<string, string> query, string key)
    {
        if (!query.TryGetValue(key, out var value))
        {
            return null;
        }

        var match = PairText().Match(value);
        return match.Success ? (match.Groups["a"].Value, match.Groups["b"].Value) : null;
    }

    private static (string Lat, string Long)? FirstPair(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        return match.Success ? (match.Groups["a"].Value, match.Groups["b"].Value) : null;
    }

    private static TextPoint? LinkPoint((string Lat, string Long)? pair, string evidence) =>
        pair is { } p ? PointFrom(p.Lat, p.Long, DecimalsAccuracy(p.Lat, p.Long), evidence, ambiguous: false) : null;

    private static TextPoint? PointFrom(string latText, string longText, double accuracy, string evidence, bool ambiguous) =>
        TryNumber(latText, out var lat) && TryNumber(longText, out var lon) ? Point(lat, lon, accuracy, evidence, ambiguous) : null;

    private static TextPoint? Point(double lat, double lon, double accuracy, string evidence, bool ambiguous) =>
        Math.Abs(lat) > 90 || Math.Abs(lon) > 180 || (lat == 0 && lon == 0)
            ? null
            : new TextPoint(lat, lon, accuracy, evidence, ambiguous);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    // What the written precision can promise: five decimals is about a metre, so GPS error (10 m) is the floor.
    private static double DecimalsAccuracy(string lat, string lon) => Math.Min(Decimals(lat), Decimals(lon)) switch
    {
        >= 5 => 10,
        4 => 11,
        3 => 110,
        2 => 1_100,
        1 => 11_000,
        _ => 111_000,
    };

    private static int Decimals(string number)
    {
        var dot = number.IndexOf('.');
        return dot < 0 ? 0 : number.Length - dot - 1;
    }

    // Links and URIs, with or without a scheme; the token runs to the next space, quote or angle bracket.
    [GeneratedRegex(@"(?<![\w.@/\-])(?:https?://|www\.|maps\.google\.|maps\.apple\.|google\.[a-z]{2,3}(?:\.[a-z]{2})?/maps|openstreetmap\.org/|osm\.org/|geo:)[^\s<>""]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkToken();

    [GeneratedRegex(@"^geo:(?<a>[-+]?[0-9]{1,3}(?:\.[0-9]{1,15})?),(?<b>[-+]?[0-9]{1,3}(?:\.[0-9]{1,15})?)(?:,[-+]?[0-9]{1,6}(?:\.[0-9]{1,15})?)?(?<params>(?:;[^;?]*)*)(?:\?(?<query>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GeoUri();

    [GeneratedRegex(@"^\s*(?<a>[-+]?[0-9]{1,3}(?:\.[0-9]{1,15})?)\s*,\s*(?<b>[-+]?[0-9]{1,3}(?:\.[0-9]{1,15})?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PairText();

    [GeneratedRegex(@"(?<!\w)map=[0-9]{1,2}(?:\.[0-9]{1,4})?/(?<a>[-+]?[0-9]{1,3}(?:\.[0-9]{1,15})?)/(?<b>[-+]?[0-9]{1,3}(?:\.[0-9]{1,15})?)(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex OsmMap();

    [GeneratedRegex(@"@(?<a>[-+]?[0-9]{1,3}\.[0-9]{1,15}),(?<b>[-+]?[0-9]{1,3}\.[0-9]{1,15})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleAt();

    [GeneratedRegex(@"!3d(?<a>[-+]?[0-9]{1,3}\.[0-9]{1,15})!4d(?<b>[-+]?[0-9]{1,3}\.[0-9]{1,15})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex GooglePin();

    // One angle; the hemisphere letter comes before it or after it, never both.
    [GeneratedRegex(@"(?<![\w.])(?:(?<pre>[NSEW])\s{0,2}" + AnglePattern + "|" + AnglePattern + @"(?:\s{0,2}(?<post>[NSEW])(?!\p{L}))?)", RegexOptions.CultureInvariant)]
    private static partial Regex DegreesMinutes();

    // "44.2001N 72.5703W", "44.2001° N, 72.5703° W".
    [GeneratedRegex(@"(?<![\w.])(?<a>[0-9]{1,3}\.[0-9]{1,15})\s{0,2}\u00B0?\s{0,2}(?<ha>[NSEW])(?!\p{L})[\s,;/]{0,4}(?<b>[0-9]{1,3}\.[0-9]{1,15})\s{0,2}\u00B0?\s{0,2}(?<hb>[NSEW])(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex HemisphereAfter();

    // "N 44.2001 W 72.5703".
    [GeneratedRegex(@"(?<![\w.])(?<ha>[NSEW])\s{0,2}(?<a>[0-9]{1,3}\.[0-9]{1,15})\u00B0?[\s,;/]{0,4}(?<hb>[NSEW])\s{0,2}(?<b>[0-9]{1,3}\.[0-9]{1,15})\u00B0?(?![0-9]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex HemisphereBefore();

    // Three or more decimals on each number, so measurements ("3.5 tons, 2.25 m") are not points.
    [GeneratedRegex(@"(?<![\w.])(?<a>[-+\u2212]?[0-9]{1,3}\.[0-9]{3,15})\u00B0?(?:\s{0,3},\s{0,3}|\s{1,3})(?<b>[-+\u2212]?[0-9]{1,3}\.[0-9]{3,15})\u00B0?(?![\w\u00B0]|[.,][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex BarePair();

    [GeneratedRegex(@"(?:(?<![\w:/])///|(?<![\w.])(?:https?://)?(?:www\.)?(?:w3w\.co|what3words\.com)/)(?<words>[\p{L}\p{M}]{1,40}\.[\p{L}\p{M}]{1,40}\.[\p{L}\p{M}]{1,40})(?![\p{L}\p{M}\p{Nd}]|\.[\p{L}\p{M}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex What3WordsAddress();

    private readonly record struct Angle(double Value, char Hemisphere, double Accuracy, bool Seconds);
}
