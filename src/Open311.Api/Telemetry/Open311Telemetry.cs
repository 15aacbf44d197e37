using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Open311.Api.Telemetry;

/// <summary>
/// The app's own traces and metrics (source and meter "Open311"), exported with the hosts' OpenTelemetry setup
/// to Application Insights when it is configured.
/// </summary>
public static class Open311Telemetry
{
    public const string Name = "Open311";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RequestsCreated = Meter.CreateCounter<long>("open311.requests.created", description: "Service requests created");

    public static readonly Counter<long> DuplicatePosts = Meter.CreateCounter<long>("open311.requests.duplicates", description: "POSTs answered with an earlier request (same external id)");
}
