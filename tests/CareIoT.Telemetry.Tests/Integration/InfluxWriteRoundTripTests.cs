using System.Globalization;

namespace CareIoT.Telemetry.Tests.Integration;

[Collection(InfluxCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InfluxWriteRoundTripTests(InfluxFixture influx)
{
    private const string Measurement = "床垫 体征,v1";
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwentyThousandPointsWithAwkwardNamesAreAllReadBackExactly()
    {
        const int count = 20_000;
        await using var database = await InfluxDatabase.CreateAsync(influx.Http, influx.Url);
        await using (var writer = database.NewWriter(influx.Http))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Write(Awkward(i));
            }

            await writer.FlushAsync();
            Assert.Equal(count, writer.Counters.PointsWritten);
        }

        foreach (var field in new[] { "心率", "体温 ,=x", "备注", "ok", "tiny" })
        {
            Assert.Equal(count, await database.CountAsync(Measurement, field));
        }

        foreach (var i in new[] { 0, 1, 777, 9_999, 19_999 })
        {
            var at = LineProtocol.ToUnixNanoseconds(Awkward(i).Timestamp);
            var row = Assert.Single(await database.Query.QuerySeriesAsync(
                $"SELECT * FROM {InfluxQl.Identifier(Measurement)} WHERE time = {at.ToString(CultureInfo.InvariantCulture)}"));
            Assert.Equal(at, row.UnixNanoseconds(0));
            Assert.Equal($"A {i % 20},x=y", row.Value(0, "房间 号,="));
            Assert.Equal(@"C:\beds", row.Value(0, "bed"));
            Assert.Equal((long)i, row.Value(0, "心率"));
            Assert.Equal(36 + (i / 1000.0), Convert.ToDouble(row.Value(0, "体温 ,=x"), CultureInfo.InvariantCulture));
            Assert.Equal($"said \"hi\" \\ {i} 平稳", row.Value(0, "备注"));
            Assert.Equal(i % 2 == 0, row.Value(0, "ok"));
            Assert.Equal(1e-5 * (i + 1), Convert.ToDouble(row.Value(0, "tiny"), CultureInfo.InvariantCulture));
        }
    }

    internal static LinePoint Awkward(int i) => new(
        Measurement,
        new Dictionary<string, string> { ["房间 号,="] = $"A {i % 20},x=y", ["bed"] = @"C:\beds" },
        new Dictionary<string, FieldValue>
        {
            ["心率"] = i,
            ["体温 ,=x"] = 36 + (i / 1000.0),
            ["备注"] = $"said \"hi\" \\ {i} 平稳",
            ["ok"] = i % 2 == 0,
            ["tiny"] = 1e-5 * (i + 1),
        },
        Start.AddMilliseconds(i).AddTicks(i % 10_000));
}
