namespace Open311.Core.Places;

/// <summary>The place found, or none with every reason gathered on the way (for the intake record).</summary>
public sealed record PlaceAnswer(FoundPlace? Place, string Reason);
