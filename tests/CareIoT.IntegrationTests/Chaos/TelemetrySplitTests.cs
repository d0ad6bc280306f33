using System.Net.Http.Json;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// Two silos of one cluster split the telemetry between them (a shared subscription per cluster): each
/// processes about half of the readings, every reading is stored once, and presses still reach both
/// silos' alarm lanes. Runs in the chaos collection for its two-silo cluster (it crashes nothing).
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class TelemetrySplitTests(ChaosCluster cluster, ITestOutputHelper output)
{
    private const int Mattresses = 20;
    private const int ReadingsEach = 50;

    [Fact]
    public async Task EachSiloProcessesAboutHalfOfTheReadingsAndEveryReadingIsStored()
    {
        using var admin = new CareIoTApi(cluster.SiloB.BaseAddress);
        using var installerA = new CareIoTApi(cluster.SiloA.BaseAddress);
        var mattresses = new List<string>();
        for (var i = 0; i < Mattresses; i++)
        {
            mattresses.Add((await admin.RegisterBedWithMattressAsync()).DeviceId);
        }

        var passwords = cluster.Services.IssueCredentials([.. mattresses]);
        var before = (A: await AcceptedAsync(installerA), B: await AcceptedAsync(admin));
        var fleet = new ChaosFleet(cluster.Services.MqttHost, cluster.Services.MqttPort, passwords);
        using var stop = new CancellationTokenSource();
        var senders = mattresses.Select(m => fleet.RunMattressAsync(m, TimeSpan.FromMilliseconds(20), stop.Token)).ToList();
        var sent = await Eventually.TrueAsync(() => Task.FromResult(fleet.VitalsSent.Count >= Mattresses * ReadingsEach), TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        Assert.True(sent, "the mattresses could not send their readings");
        var total = fleet.VitalsSent.Count;

        var (byA, byB) = await Eventually.ValueAsync(async () =>
        {
            var a = await AcceptedAsync(installerA) - before.A;
            var b = await AcceptedAsync(admin) - before.B;
            return a + b >= total ? Tuple.Create(a, b) : null;
        }, TimeSpan.FromSeconds(30), "every reading processed by one silo or the other");

        output.WriteLine($"{total} readings: silo A processed {byA} ({100.0 * byA / total:F0} %), silo B {byB} ({100.0 * byB / total:F0} %)");
        Assert.Equal(total, byA + byB); // each reading by exactly one silo
        Assert.InRange(byA, total * 3 / 10, total * 7 / 10);
    }

    private static async Task<long> AcceptedAsync(CareIoTApi api) =>
        (await api.Http.GetFromJsonAsync<Dictionary<string, long>>("api/ingest/stats"))!.GetValueOrDefault("accepted");
}
