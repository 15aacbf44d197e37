using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Open311.Testing;

/// <summary>
/// A real Azurite (npm, pinned in package.json) on free loopback ports, in memory. Azurite prints the ports it
/// bound even with --silent: "Azurite Table service is successfully listening at http://127.0.0.1:38229".
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly string workDir;

    private AzuriteProcess(Process process, string workDir, int blob, int queue, int table)
    {
        this.process = process;
        this.workDir = workDir;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync()
    {
        var exe = RepoPaths.Of("node_modules", ".bin", "azurite");
        if (!File.Exists(exe))
        {
            throw new FileNotFoundException($"Azurite is not installed at {exe}: run `npm install` in the repository root (./test.sh does).");
        }

        var workDir = Directory.CreateTempSubdirectory("azurite-").FullName;
        var info = new ProcessStartInfo(exe)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
            "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");
        var ports = new Dictionary<string, int>();
        var output = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (ports.Count < 3)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("Azurite exited: " + string.Join('\n', output) + await process.StandardError.ReadToEndAsync());
                output.Add(line);
                if (Listening().Match(line) is { Success: true } m)
                {
                    ports[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // Keep draining the pipes so Azurite never blocks on a full buffer.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new AzuriteProcess(process, workDir, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex Listening();
}
