using System.Net.Http.Json;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>Mattress vitals go through the real broker and host into the real InfluxDB and come back as the bed's history.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class TelemetryTests(CareIoTHostFixture host)
{
    [Fact]
    public async Task MattressVitalsAreStoredInInfluxAndReadBackAsTheBedsHistory()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (bed, device) = await api.RegisterBedWithMattressAsync();
        await using (var mattress = await host.ConnectDeviceAsync(device))
        {
            await mattress.SendAsync(device, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 70, RespirationRate = 16, Movement = 1 });
            await mattress.SendAsync(device, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 74, RespirationRate = 18, Movement = 0 });
        }

        var history = await Eventually.ValueAsync(async () =>
        {
            // Both readings stored: two buckets, or one whose mean has moved off the first reading.
            var points = await api.Http.GetFromJsonAsync<VitalsPointDto[]>($"api/sites/beds/{bed}/vitals/history?hours=1", Json.Web);
            var withHeartRate = points?.Where(p => p.HeartRate is not null).ToList() ?? [];
            return withHeartRate.Count >= 2 || withHeartRate.Any(p => p.HeartRate != 70) ? points : null;
        }, TimeSpan.FromSeconds(30), "vitals history");

        // Both readings fall in the same or neighbouring minute buckets; their mean is exact.
        var all = history.Where(p => p.HeartRate is not null).ToList();
        Assert.InRange(all.Count, 1, 2);
        if (all.Count == 1)
        {
            Assert.Equal(72, all[0].HeartRate);
            Assert.Equal(17, all[0].Respiration);
        }
        else
        {
            Assert.Equal([70.0, 74.0], all.Select(p => p.HeartRate!.Value).Order());
        }
    }
}

public sealed record VitalsPointDto(DateTimeOffset At, double? HeartRate, double? Respiration);
