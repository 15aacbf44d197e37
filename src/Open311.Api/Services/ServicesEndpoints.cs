using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Services;

namespace Open311.Api.Services;

/// <summary>GET Service List and GET Service Definition.</summary>
public sealed class ServicesEndpoints(JurisdictionRegistry registry, ILogger<ServicesEndpoints> logger)
{
    public Task<IResult> ListAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var jurisdiction = await registry.ResolveAsync(ParameterReader.FromQuery(request).Get("jurisdiction_id"), request.HttpContext.RequestAborted);
            return new ElementResult(ServiceDocuments.List(jurisdiction.Services), f);
        });

    public Task<IResult> DefinitionAsync(HttpRequest request, string code, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var jurisdiction = await registry.ResolveAsync(ParameterReader.FromQuery(request).Get("jurisdiction_id"), request.HttpContext.RequestAborted);
            var service = jurisdiction.FindService(code)
                ?? throw Open311Exception.NotFound($"service_code '{InputText.Quote(code)}' not found.");
            return new ElementResult(ServiceDocuments.Definition(service), f);
        });
}
