namespace Open311.Connectors.Social;

/// <summary>An X place: its full name and bounding box (degrees). Too coarse to stand for a point of its own.</summary>
public sealed record SocialPlace(string? FullName, double West, double South, double East, double North);
