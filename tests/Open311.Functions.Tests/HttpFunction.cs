namespace Open311.Functions.Tests;

public sealed record HttpFunction(string Name, string Method, string Route, string AuthLevel);
