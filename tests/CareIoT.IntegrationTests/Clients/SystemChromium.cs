using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser.</summary>
public sealed class SystemChromium : IAsyncDisposable
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of the main screens are kept as test artifacts.</summary>
    public static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(TestPaths.RepositoryRoot, "artifacts", "screenshots")).FullName;

    public static async Task<SystemChromium> LaunchAsync()
    {
        var chromium = new SystemChromium { _playwright = await Playwright.CreateAsync() };
        chromium.Browser = await chromium._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Flags,
        });
        return chromium;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
