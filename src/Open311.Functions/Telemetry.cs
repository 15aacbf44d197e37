using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.Telemetry;
using Open311.Storage.Identity;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Open311.Functions;

public static class Telemetry
{
    /// <summary>
    /// Traces, metrics and logs to Application Insights when a connection string is configured. Application Insights
    /// has local authentication off in infra/, so the exporter signs in with the identity named in
    /// APPLICATIONINSIGHTS_AUTHENTICATION_STRING (as the host does); without it every item would be refused.
    /// </summary>
    public static IServiceCollection AddOpen311Telemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(o => o.Credential = AzureCredentials.ForTelemetry(configuration))
            .WithTracing(t => t.AddSource(Open311Telemetry.Name))
            .WithMetrics(m => m.AddMeter(Open311Telemetry.Name));
        return services;
    }
}
