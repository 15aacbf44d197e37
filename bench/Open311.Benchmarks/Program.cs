using Open311.Benchmarks;

// dotnet run -c Release [-- storage | routing | email | places]   (see docs/benchmarks.md; bench/routing.sh sets up PostGIS)
switch (args.FirstOrDefault() ?? "storage")
{
    case "storage":
        await StorageBenchmark.RunAsync();
        break;
    case "routing":
        await RoutingBenchmark.RunAsync();
        break;
    case "email":
        await EmailBenchmark.RunAsync();
        break;
    case "places":
        await PlacesBenchmark.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: Open311.Benchmarks [storage|routing|email|places]");
        return 2;
}

return 0;
