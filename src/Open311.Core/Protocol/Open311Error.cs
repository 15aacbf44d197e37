namespace Open311.Core.Protocol;

/// <summary>One entry of an Open311 <c>&lt;errors&gt;</c> list: a code (usually the HTTP status) and a user-facing text.</summary>
public sealed record Open311Error(int Code, string Description);
