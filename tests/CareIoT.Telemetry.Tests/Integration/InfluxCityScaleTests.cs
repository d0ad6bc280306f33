namespace CareIoT.Telemetry.Tests.Integration;

[Collection(InfluxCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InfluxCityScaleTests(InfluxFixture influx)
{
    /// <summary>
    /// InfluxDB 1.x refuses the 100,001st value of one tag unless configured otherwise; a city's
    /// devices are one tag (deploy/influxdb.conf lifts the limit). The 400,000-twin benchmark found it.
    /// </summary>
    [Fact]
    public async Task MoreThanAHundredThousandDevicesAreStored()
    {
        const int devices = 100_500;
        await using var database = await InfluxDatabase.CreateAsync(influx.Http, influx.Url);
        await using var writer = database.NewWriter(influx.Http);
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < devices; i++)
        {
            writer.Write(new LinePoint("heartbeat", [new("device", $"sa-{i:D6}")], [new("n", 1L)], at));
        }

        await writer.FlushAsync();

        Assert.Equal(0, writer.Counters.LinesDeadLettered);
        Assert.Equal(devices, writer.Counters.PointsWritten);
        Assert.Equal(devices, await database.CountAsync("heartbeat", "n"));
    }
}
