using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Api.Requests;
using Open311.Core.Jurisdictions;

namespace Open311.Api.Keys;

/// <summary>Reads a writing POST (a request, an update): the form within its bounds, then the town, then the key allowed for it.</summary>
public sealed class KeyedPostReader(JurisdictionRegistry registry, ApiKeyAuthenticator keys, IOptions<Open311Options> options)
{
    public async Task<KeyedPost> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await FormReader.ReadAsync(request, options.Value, cancellationToken);
        var parameters = ParameterReader.FromQueryAndForm(request, form);
        var jurisdiction = await registry.ResolveAsync(parameters.Get("jurisdiction_id"), cancellationToken);
        var key = await keys.AuthenticateAsync(request, parameters, jurisdiction, cancellationToken);
        return new KeyedPost(form, parameters, jurisdiction, key);
    }
}
