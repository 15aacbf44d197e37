namespace Open311.Core.Requests;

/// <summary>What a create did: a new request, or the one already stored under the same external id.</summary>
public sealed record CreateOutcome(ServiceRequest Request, bool Duplicate);
