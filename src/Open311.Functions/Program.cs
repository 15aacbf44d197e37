using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Open311.Api;
using Open311.Api.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Open311.Functions.Http;
using Open311.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP functions get ASP.NET Core's HttpRequest and may return IResult, like the Kestrel host
builder.ConfigureFunctionsWebApplication();

// Headers of every answer (CORS by route), as the Kestrel host's edge sets them
builder.UseWhen<Open311HeadersMiddleware>(context => context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger"));

// Storage adapters and the host-neutral handlers: the same registrations as Open311.Server
builder.Services.AddOpen311Storage(builder.Configuration).AddOpen311Api(builder.Configuration);

// Traces, metrics and logs to Application Insights when a connection string is configured
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .UseAzureMonitorExporter()
        .WithTracing(t => t.AddSource(Open311Telemetry.Name))
        .WithMetrics(m => m.AddMeter(Open311Telemetry.Name));
}

builder.Build().Run();
