using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Open311.Api;
using Open311.Functions;
using Open311.Functions.Http;
using Open311.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP functions get ASP.NET Core's HttpRequest and may return IResult, like the Kestrel host
builder.ConfigureFunctionsWebApplication();

// Headers of every answer (CORS by route), as the Kestrel host's edge sets them
builder.UseWhen<Open311HeadersMiddleware>(context => context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger"));

// Storage adapters and the host-neutral handlers: the same registrations as Open311.Server
builder.Services.AddOpen311Storage(builder.Configuration).AddOpen311Api(builder.Configuration);

// Traces, metrics and logs to Application Insights (with Entra ID) when a connection string is configured
builder.Services.AddOpen311Telemetry(builder.Configuration);

builder.Build().Run();
