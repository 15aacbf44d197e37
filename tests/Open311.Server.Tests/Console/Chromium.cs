using Microsoft.Playwright;

namespace Open311.Server.Tests.Console;

/// <summary>
/// One headless Chromium for a test class: Debian's (<c>/usr/bin/chromium</c>, which test.sh installs; or
/// <c>OPEN311_CHROMIUM</c>), driven by Playwright. Playwright's own browser download is never used: this machine
/// cannot fetch it, and the system browser is the one a town's clerk would have anyway.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Open311.Testing.RepoPaths.Of("artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("OPEN311_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}: test.sh installs Debian's (apt-get install chromium), or set OPEN311_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,

            // Without the networking flags Chromium keeps calling Google's hosts, which this machine refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own storage, like a new profile) on the app's base URL.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = "en-US", TimezoneId = "UTC" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
