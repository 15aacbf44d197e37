using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Open311.Api;
using Open311.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP functions get ASP.NET Core's HttpRequest and may return IResult, like the Kestrel host
builder.ConfigureFunctionsWebApplication();

// Storage adapters and the host-neutral handlers: the same registrations as Open311.Server
builder.Services.AddOpen311Storage(builder.Configuration).AddOpen311Api(builder.Configuration);

builder.Build().Run();
