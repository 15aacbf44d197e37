namespace Open311.Core.Media;

/// <summary>An image format we accept for request photos.</summary>
public sealed record ImageKind(string ContentType, string Extension);
