namespace Open311.Api;

/// <summary>One entry of the route table: the function name, the template below <c>/open311</c>, the HTTP method.</summary>
public sealed record Open311Route(string Name, string Template, string Method);
