namespace Open311.Core.Requests;

/// <summary>An answer to a service-definition attribute; list attributes may carry several values.</summary>
public sealed record SubmittedAttribute(string Code, IReadOnlyList<string> Values);
