using Open311.Api;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Open311.Api.Http;
using Open311.Api.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Open311.Server;
using Open311.Server.Jobs;
using Open311.Storage;
using Open311.Storage.Identity;

var builder = WebApplication.CreateBuilder(args);

// Long URLs reach the edge middleware, which answers them with an Open311 414 (Kestrel's own 414 has no body)
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);

// Storage adapters and the host-neutral handlers: the same registrations as the Functions app
builder.Services.AddOpen311Storage(builder.Configuration).AddOpen311Api(builder.Configuration);

// The background jobs the Functions app runs on timers
builder.Services.AddHostedService<RemoteCatalogSyncJob>();
builder.Services.AddHostedService<SourcePollJob>();
builder.Services.AddHostedService<ForwardingJob>();

// Traces, metrics and logs to Application Insights when a connection string is configured
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.Services.AddOpenTelemetry().UseAzureMonitor(o => o.Credential = AzureCredentials.ForTelemetry(builder.Configuration))
        .WithTracing(t => t.AddSource(Open311Telemetry.Name))
        .WithMetrics(m => m.AddMeter(Open311Telemetry.Name));
}

var app = builder.Build();

// Headers of every answer (CORS by route), preflights, Open311 bodies for what no handler answered
app.UseMiddleware<Open311EdgeMiddleware>();
app.MapOpen311();

app.Run();
