using System.Diagnostics;
using CareIoT.Contracts;
using CareIoT.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;
using CareIoT.Stores;

namespace CareIoT.Benchmarks;

/// <summary>
/// A city's worth of twins in the benchmark server: households (a call button and a smoke alarm each)
/// imported into its registry, beds with a mattress each, and then every device twin fed one batch
/// through the real grain interface (as an Orleans client on the server's gateway): a heartbeat, and
/// for a mattress also 8 vitals readings, so each device, household and bed grain is active and holds
/// the state it has in service: binding, supervision reminder, condition, the bed rules' windows. The
/// window of recent message ids is a fixed array, as large empty as full, so one message fills it as
/// far as memory goes; more messages would only add telemetry churn (points the InfluxDB writer holds
/// until they are stored) that is not what the twins keep.
/// </summary>
public static class TwinPopulation
{
    private const int VitalsPerMattress = 8;

    /// <summary>Registers and activates; returns the number of grains activated (sites and devices).</summary>
    public static async Task<int> ActivateAsync(BenchServices services, string run, int households, int beds)
    {
        var clock = Stopwatch.StartNew();
        var database = services.Postgres($"careiot_bench_{run}");
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database);
        var homes = Enumerable.Range(0, households).Select(i => new HouseholdDetails($"mem{run}-h{i}", $"张桂英{i}", $"朝阳区和平街道 {i % 300} 号", 1940, "", [],
            $"社区{i % 40}", 39.90 + (i % 600) * 0.0001, 116.40 + (i % 800) * 0.0001)).ToList();
        var homeDevices = homes.SelectMany(h => new[] { (h.HouseholdId, DeviceKind.CallButton, $"{h.HouseholdId}-cb"), (h.HouseholdId, DeviceKind.SmokeAlarm, $"{h.HouseholdId}-sa") }).ToList();
        await new PostgresHouseholdImport(dataSource).ImportAsync(homes, homeDevices, CancellationToken.None);
        var registry = new PostgresRegistry(dataSource);
        var bedIds = Enumerable.Range(0, beds).Select(i => $"mem{run}-b{i}").ToList();
        await Parallel.ForEachAsync(bedIds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (bed, ct) =>
        {
            await registry.UpsertBedAsync(bed, $"{bed[^3..]}", bed, null, ct);
            await registry.UpsertDeviceAsync(new DeviceBinding($"{bed}-m", DeviceKind.Mattress, new SiteRef(SiteKind.Bed, bed)), null, null, ct);
        });
        Console.WriteLine($"  registered {households:N0} households ({homeDevices.Count:N0} devices) and {beds:N0} beds in {clock.Elapsed.TotalSeconds:F0} s");

        using var client = await ConnectAsync(services, run);
        var grains = client.Services.GetRequiredService<IGrainFactory>();
        var devices = homeDevices.Select(d => (Id: d.Item3, Mattress: false)).Concat(bedIds.Select(b => (Id: $"{b}-m", Mattress: true))).ToList();
        var fed = 0;
        clock.Restart();
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (device, _) =>
        {
            var outcomes = await grains.GetGrain<IDeviceGrain>(device.Id).ReceiveBatch(new DeviceMessageBatch(Messages(device.Id, device.Mattress)));
            if (Array.Exists(outcomes, o => o != DeliveryOutcome.Accepted))
            {
                throw new InvalidOperationException($"device {device.Id}: {string.Join(',', outcomes.Distinct())}");
            }

            if (Interlocked.Increment(ref fed) % 50_000 == 0)
            {
                Console.WriteLine($"  {fed:N0} device twins fed ({fed / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        });
        await client.StopAsync();
        var heartbeats = (long)homeDevices.Count + beds;
        // Points the server's InfluxDB writer still holds are not what the twins hold.
        using var influx = new BenchInflux(services, run);
        await influx.WaitForAsync("heartbeat", "n", heartbeats);
        return devices.Count + households + beds;
    }

    private static async Task<IHost> ConnectAsync(BenchServices services, string run)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ($"bench-{run}", $"bench-{run}"));
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(services.Redis));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static DeviceMessage[] Messages(string deviceId, bool mattress)
    {
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, mattress ? 1 + VitalsPerMattress : 1).Select(i =>
        {
            var at = now.AddSeconds(i - VitalsPerMattress - 1);
            return i == 0
                ? new DeviceMessage(deviceId, $"{deviceId}-{i}-{Guid.NewGuid():N}", DeviceMessageType.Heartbeat, at, at, new DeviceReadings { BatteryPercent = 90 })
                : new DeviceMessage(deviceId, $"{deviceId}-{i}-{Guid.NewGuid():N}", DeviceMessageType.Vitals, at, at,
                    new DeviceReadings { Presence = true, HeartRate = 62 + i % 7, RespirationRate = 15 + i % 3, Movement = i % 4 });
        })];
    }
}
