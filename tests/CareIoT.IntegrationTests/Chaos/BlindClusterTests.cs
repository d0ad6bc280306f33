using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// Crashes an operator must be told of, seen on a console in a browser signed in to silo B: silo A killed (SIGKILL)
/// and left down until the cluster has declared it dead, then started again; PostgreSQL hung (SIGSTOP) and resumed.
/// Each shows red with what is wrong within the time asserted here, and goes when the part is back.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class BlindClusterTests(ChaosCluster cluster, ITestOutputHelper output)
{
    /// <summary>Orleans declares a silo dead after 3 missed probes (ProbeTimeout 5 s each) and a vote, then the self-watch's next check.</summary>
    private static readonly TimeSpan SiloGoneWithin = TimeSpan.FromSeconds(60);

    /// <summary>The journal's health check gives up after 3 s; the self-watch checks every 5 s.</summary>
    private static readonly TimeSpan PostgresHungWithin = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task AKilledSiloAndAHungJournalAreShownOnTheOtherSilosConsoleUntilTheyAreBack()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await BrowserSignIn.ToConsoleAsync(page, cluster.SiloB.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        var banner = page.Locator("#degraded");
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });

        var clock = Stopwatch.StartNew();
        await cluster.SiloA.KillAsync();
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-keys", new Regex(@"(^| )silo:"), new() { Timeout = (float)SiloGoneWithin.TotalMilliseconds });
        await Assertions.Expect(banner).ToContainTextAsync("已离线");
        output.WriteLine($"silo A SIGKILL → on silo B's console after {clock.Elapsed.TotalSeconds:F1} s");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-degraded-silo.png") });
        clock.Restart();
        await cluster.SiloA.StartAsync();
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        output.WriteLine($"silo A started again → banner gone after {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        cluster.Services.Signal("STOP", "postgres");
        try
        {
            await Assertions.Expect(banner).ToHaveAttributeAsync("data-keys", new Regex("(^| )postgres( |$)"), new() { Timeout = (float)PostgresHungWithin.TotalMilliseconds });
            await Assertions.Expect(banner).ToContainTextAsync("无法访问 PostgreSQL");
            output.WriteLine($"PostgreSQL SIGSTOP → on the console after {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            cluster.Services.Signal("CONT", "postgres");
        }

        clock.Restart();
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        output.WriteLine($"PostgreSQL SIGCONT → banner gone after {clock.Elapsed.TotalSeconds:F1} s");
    }
}
