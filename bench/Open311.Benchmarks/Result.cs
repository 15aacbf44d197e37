namespace Open311.Benchmarks;

public sealed record Result(string Operation, string Variant, double MedianMs, double P90Ms, double Ratio);
