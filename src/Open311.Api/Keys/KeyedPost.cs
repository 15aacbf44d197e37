using Microsoft.AspNetCore.Http;
using Open311.Core.Jurisdictions;
using Open311.Core.Keys;
using Open311.Core.Protocol;

namespace Open311.Api.Keys;

/// <summary>A GeoReport POST as every writing call reads it: the bounded form, its parameters, the town and the caller's key.</summary>
public sealed record KeyedPost(IFormCollection Form, Parameters Parameters, Jurisdiction Jurisdiction, ApiKey Key);
