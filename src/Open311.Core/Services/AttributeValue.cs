namespace Open311.Core.Services;

/// <summary>One option of a list attribute: <c>key</c> is what the client sends, <c>name</c> what it shows.</summary>
public sealed record AttributeValue(string Key, string Name);
