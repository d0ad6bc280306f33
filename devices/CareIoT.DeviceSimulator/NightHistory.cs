using System.Globalization;
using System.Text;
using CareIoT.Contracts;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// Seeds the demo's telemetry store with the simulated residents' past nights (one reading a minute through each
/// night window), written as the server writes mattress vitals. Protocol v1 has no history upload: a real mattress
/// starts its resident's baseline from its first night; the demo would otherwise wait fourteen nights.
/// </summary>
public sealed class NightHistory(FleetOptions fleet, Uri influx, string database, int nights)
{
    public async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = influx };
        var thresholds = new BedThresholds();
        var clock = CareIoT.Baselines.NightClock.Of(thresholds);
        var lastNight = clock.LastEnded(DateTimeOffset.UtcNow);
        var points = 0;
        var mattresses = fleet.Mattresses.ToList();
        for (var i = 0; i < mattresses.Count; i++)
        {
            var lines = new StringBuilder();
            var bed = $"{fleet.Prefix}-bed-{i:D4}";
            foreach (var s in SimulatedResidents.For(i).Nights(lastNight.AddDays(1 - nights), nights, thresholds))
            {
                var fields = s.Present
                    ? string.Create(CultureInfo.InvariantCulture, $"heart_rate={Math.Round(s.HeartRate ?? 0)}i,respiration={Math.Round(s.Respiration ?? 0)}i,movement={s.Movement ?? 0}i,presence=true")
                    : "presence=false";
                lines.Append(CultureInfo.InvariantCulture, $"vitals,device={mattresses[i]},kind=Mattress,site_kind=Bed,site={bed} {fields} {s.At.ToUnixTimeSeconds()}\n");
                points++;
            }

            using var response = await http.PostAsync($"write?db={Uri.EscapeDataString(database)}&precision=s", new StringContent(lines.ToString()), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"InfluxDB refused the history of {bed}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        Console.WriteLine($"history: {nights} nights of {mattresses.Count} beds ({points} minutes) written to {influx} database {database}");
        return points;
    }
}
