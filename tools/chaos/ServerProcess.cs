using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Open311.Testing;

namespace Open311.Chaos;

/// <summary>Open311.Server as its own process on a free loopback port: real Kestrel, real sockets, run.sh's settings.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminKey = "chaos-admin-key-0123456789abcdef";

    private readonly Process process;

    private ServerProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ServerProcess> StartAsync(string connectionString, string? serverDll)
    {
        var dll = serverDll ?? RepoPaths.Of("src", "Open311.Server", "bin", "Release", "net10.0", "Open311.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the server first: dotnet build src/Open311.Server -c Release ({dll})");
        }

        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", url, "--contentRoot", Path.GetDirectoryName(dll)!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Storage__ConnectionString"] = connectionString;
        info.Environment["Storage__IdGapAfterRestart"] = "1000";
        info.Environment["Open311__AdminKey"] = AdminKey;
        info.Environment["Open311__PublicBaseUrl"] = url;
        // One address does all the checking afterwards; the per-address limits have their own tests.
        info.Environment["Open311__FailuresPerMinute"] = "100000";
        info.Environment["Open311__ManagePerMinute"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var client = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await client.GetAsync($"{url}/open311/discovery.json")).StatusCode != 0)
                {
                    return new ServerProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        process.Kill();
        throw new TimeoutException("The server did not start within a minute.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
