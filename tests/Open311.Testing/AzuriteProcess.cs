using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Open311.Testing;

/// <summary>
/// A real Azurite (npm, pinned in package.json) on free loopback ports, in memory — or, for the fault runs, on disk
/// at fixed ports so it can be stopped and started again under a running server. Azurite prints the ports it bound
/// even with --silent: "Azurite Table service is successfully listening at http://127.0.0.1:38229".
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly string workDir;
    private readonly bool ownsWorkDir;

    private AzuriteProcess(Process process, string workDir, bool ownsWorkDir, int blob, int queue, int table)
    {
        this.process = process;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        Ports = (blob, queue, table);
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public (int Blob, int Queue, int Table) Ports { get; }

    public int ProcessId => process.Id;

    /// <param name="location">A folder to keep the data in (on disk, saved every few seconds and on a graceful stop); null keeps it in memory.</param>
    /// <param name="ports">Fixed ports (to start again where a server expects it); null takes free ones.</param>
    public static async Task<AzuriteProcess> StartAsync(string? location = null, (int Blob, int Queue, int Table)? ports = null)
    {
        var exe = RepoPaths.Of("node_modules", ".bin", "azurite");
        if (!File.Exists(exe))
        {
            throw new FileNotFoundException($"Azurite is not installed at {exe}: run `npm install` in the repository root (./test.sh does).");
        }

        var workDir = location ?? Directory.CreateTempSubdirectory("azurite-").FullName;
        var info = new ProcessStartInfo(exe)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var (blobPort, queuePort, tablePort) = ports ?? (0, 0, 0);
        foreach (var arg in new[]
        {
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Invariant(blobPort), "--queuePort", Invariant(queuePort), "--tablePort", Invariant(tablePort),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            info.ArgumentList.Add(arg);
        }

        if (location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(location);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");
        var bound = new Dictionary<string, int>();
        var output = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (bound.Count < 3)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("Azurite exited: " + string.Join('\n', output) + await process.StandardError.ReadToEndAsync());
                output.Add(line);
                if (Listening().Match(line) is { Success: true } m)
                {
                    bound[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
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
        return new AzuriteProcess(process, workDir, location is null, bound["Blob"], bound["Queue"], bound["Table"]);
    }

    /// <summary>Stops Azurite: SIGTERM (it saves its data and exits) or SIGKILL (it loses what it has not saved yet).</summary>
    public async Task StopAsync(bool graceful)
    {
        if (process.HasExited)
        {
            return;
        }

        if (graceful)
        {
            using var kill = Process.Start("kill", ["-TERM", Invariant(process.Id)])!;
            await kill.WaitForExitAsync();
        }
        else
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    private static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (!ownsWorkDir)
        {
            return;
        }

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
