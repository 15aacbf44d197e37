using Open311.Core.Routing;

namespace Open311.Core.Intake;

/// <summary>
/// Picks the service for a report: the source's explicit mapping first, then the report's own category words
/// (tags, hashtags), then everyday words of its text (<see cref="Lexicon"/>), each routed most-local-first; when
/// nothing matches, the source's triage service — never a silent guess.
/// </summary>
public static class Classification
{
    public static RoutingDecision Decide(RoutingIndex index, InboundReport report, SourceSettings source)
    {
        var lat = report.Lat!.Value;
        var lon = report.Long!.Value;
        var tried = new List<string>();
        foreach (var (category, why) in Candidates(report, source))
        {
            tried.Add(category);
            var decision = Router.Decide(index, lat, lon, category, report.JurisdictionId);
            if (decision.Routed)
            {
                return decision with { Reason = $"{why}: {decision.Reason}" };
            }
        }

        var covering = Router.Covering(index, lat, lon, report.JurisdictionId);
        if (source.TriageServiceCode is { } triage
            && covering.FirstOrDefault(j => j.FindService(triage) is not null) is { } jurisdiction)
        {
            return new RoutingDecision(
                jurisdiction,
                jurisdiction.FindService(triage),
                $"No service matched {(tried.Count == 0 ? "(the report has no category words)" : string.Join(", ", tried.Select(t => $"'{t}'")))}; sent to the triage service {triage} of {jurisdiction.Id}.");
        }

        var none = Router.Decide(index, lat, lon, tried.FirstOrDefault() ?? "(none)", report.JurisdictionId);
        return none with { Reason = $"No service matched {(tried.Count == 0 ? "(no category words)" : string.Join(", ", tried.Select(t => $"'{t}'")))} and the source has no triage service there. {none.Reason}" };
    }

    private static IEnumerable<(string Category, string Why)> Candidates(InboundReport report, SourceSettings source)
    {
        foreach (var hint in report.CategoryHints)
        {
            if (source.CategoryMap.TryGetValue(hint.Trim().ToLowerInvariant(), out var mapped))
            {
                yield return (mapped, $"mapped '{hint}' to '{mapped}'");
            }
        }

        foreach (var hint in report.CategoryHints)
        {
            yield return (hint, $"category '{hint}' of the report");
        }

        foreach (var word in Lexicon.Categories($"{report.Title} {report.Text}"))
        {
            yield return (word, $"the text mentions '{word}'");
        }
    }
}
