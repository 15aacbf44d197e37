using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Routing;

namespace Open311.Api.Routing;

/// <summary>
/// GET lookup.{format}?lat=&amp;long=[&amp;category=]: every jurisdiction of every tier covering the point, most local
/// first, with its endpoint and services (only those matching <c>category</c> when it is given).
/// </summary>
public sealed class LookupEndpoints(JurisdictionRegistry registry, ClientLimits limits, IOptions<Open311Options> options, ILogger<LookupEndpoints> logger)
{
    public const int MaxCategoryLength = 100;

    public Task<IResult> LookupAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            limits.Take(request, ClientLimits.Lookup);
            var parameters = ParameterReader.FromQuery(request);
            var errors = new List<string>();
            var (lat, lon) = Coordinates.Read(parameters, errors);
            var category = parameters.Get("category");
            if (category is { Length: > MaxCategoryLength } || !InputText.IsPlainText(category, allowLineBreaks: false))
            {
                errors.Add($"category must be one line of at most {MaxCategoryLength} characters.");
            }

            if (errors.Count > 0)
            {
                throw Open311Exception.BadRequest(errors);
            }

            var snapshot = await registry.GetSnapshotAsync(request.HttpContext.RequestAborted);
            var hits = snapshot.Index.Lookup(lat, lon)
                .Select(j => (j, category is null ? j.Services : j.Services.Where(s => ServiceMatcher.Score(s, category) > 0)));
            request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
            return new ElementResult(LookupDocument.Create(hits, PublicUrls.Base(request, options.Value)), f);
        });
}
