using System.Globalization;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace CareIoT.Telemetry.Tests;

/// <summary>
/// Our line protocol against InfluxData's own client (InfluxDB.Client 5.1.0, whose <see cref="PointData"/> formats
/// line protocol without a server): the same points, hostile names and values included, give the same lines.
/// </summary>
public sealed class ReferenceClientLineProtocolTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 12, 5, 8, 30, 1, TimeSpan.Zero).AddTicks(1234567);

    public static TheoryData<string, string, string> Names => new()
    {
        { "vitals", "bed", "B0001" },
        { "bed vitals,v2", "ward", "病区 3" },
        { "m", "room no,=x", "A 1,b=c" },
        { "a=b", "k", "trailing space " },
        { "设备", "标签", "值=1,2 3" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void HostileNamesFormatAsTheReferenceClientFormatsThem(string measurement, string tagKey, string tagValue)
    {
        var point = new LinePoint(measurement, new Dictionary<string, string> { [tagKey] = tagValue }, [new("x y,=z", 1)], At);

        Assert.Equal(Reference(point), LineProtocol.Format(point));
    }

    [Fact]
    public void EveryKindOfFieldValueFormatsAsTheReferenceClientFormatsIt()
    {
        var random = new Random(20261205);
        for (var i = 0; i < 2_000; i++)
        {
            var point = new LinePoint(
                "m",
                new Dictionary<string, string> { ["device"] = $"d-{random.Next(1000)}", ["site"] = $"s {random.Next(10)}" },
                [
                    new("a_int", random.NextInt64(long.MinValue, long.MaxValue)),
                    new("b_float", Float(random)),
                    new("c_bool", random.Next(2) == 1),
                    new("d_text", Text(random)),
                ],
                At.AddMilliseconds(random.Next(1_000_000)));

            Assert.Equal(Reference(point), LineProtocol.Format(point));
        }
    }

    private static double Float(Random random) => random.Next(6) switch
    {
        0 => random.NextDouble(),
        1 => -random.NextDouble() * 1e6,
        2 => Math.Round(random.NextDouble() * 200, 1),
        3 => random.Next(),
        4 => double.Parse($"{random.Next(1, 9)}e{random.Next(-20, 21)}", CultureInfo.InvariantCulture),
        _ => 1.0 / 3,
    };

    private const string Alphabet = "ab \"c\\,=x老人";

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)]));

    /// <summary>The same point as the reference client builds and formats it, in nanoseconds.</summary>
    private static string Reference(LinePoint point)
    {
        var data = PointData.Measurement(point.Measurement);
        foreach (var (key, value) in point.Tags)
        {
            data = data.Tag(key, value);
        }

        foreach (var (key, value) in point.Fields)
        {
            data = value.Kind switch
            {
                FieldKind.Integer => data.Field(key, value.IntegerValue),
                FieldKind.Float => data.Field(key, value.FloatValue),
                FieldKind.Boolean => data.Field(key, value.BooleanValue),
                _ => data.Field(key, value.StringValue!),
            };
        }

        return data.Timestamp(point.UnixNanoseconds, WritePrecision.Ns).ToLineProtocol();
    }
}
