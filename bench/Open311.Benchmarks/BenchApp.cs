extern alias server;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Open311.Benchmarks;

/// <summary>Open311.Server in process (TestServer), on the benchmark's Azurite and table prefix.</summary>
public sealed class BenchApp(string connectionString, string prefix) : WebApplicationFactory<server::Program>
{
    public const string AdminKey = "bench-admin-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The server's folder, wherever the benchmark is started from.
        builder.UseContentRoot(Open311.Testing.RepoPaths.Of("src", "Open311.Server"));
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Storage:TablePrefix", prefix);
        builder.UseSetting("Open311:AdminKey", AdminKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
