using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Core.Discovery;
using Open311.Core.Jurisdictions;

namespace Open311.Api.Discovery;

/// <summary>GET discovery.{format}: where the endpoint is, whom to ask for a key, and when the catalogue last changed.</summary>
public sealed class DiscoveryEndpoints(JurisdictionRegistry registry, IOptions<Open311Options> options, ILogger<DiscoveryEndpoints> logger)
{
    public Task<IResult> GetAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var snapshot = await registry.GetSnapshotAsync(request.HttpContext.RequestAborted);
            var id = ParameterReader.FromQuery(request).Get("jurisdiction_id");
            var only = id is not null ? await registry.ResolveAsync(id, request.HttpContext.RequestAborted)
                : snapshot.Hosted.Count == 1 ? snapshot.Hosted.Values.First() : null;
            var o = options.Value;
            var document = DiscoveryDocument.Create(
                only?.Changeset ?? snapshot.Changeset,
                only?.Contact ?? o.Contact ?? "Contact the operator of this Open311 endpoint.",
                only?.KeyService ?? o.KeyService ?? "Ask the operator for an API key; one is needed only to POST service requests.",
                o.TestEndpointUrl is { Length: > 0 } test
                    ? [(PublicUrls.Base(request, o) + "/v2", o.EndpointType), (test, "test")]
                    : [(PublicUrls.Base(request, o) + "/v2", o.EndpointType)]);
            return new ElementResult(document, f);
        });
}
