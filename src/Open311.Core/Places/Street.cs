namespace Open311.Core.Places;

/// <summary>A street of the gazetteer: its canonical key (<see cref="StreetName.Normalize"/>), its name as published, its address points.</summary>
public sealed record Street(string Key, string Name, IReadOnlyList<StreetAddress> Addresses);
