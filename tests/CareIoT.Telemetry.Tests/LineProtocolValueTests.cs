using System.Globalization;

namespace CareIoT.Telemetry.Tests;

public sealed class LineProtocolValueTests
{
    private static string Field(FieldValue value, DateTimeOffset? at = null) =>
        LineProtocol.Format(new LinePoint("m", null, new Dictionary<string, FieldValue> { ["v"] = value }, at ?? DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData(0L, "m v=0i 0")]
    [InlineData(-42L, "m v=-42i 0")]
    [InlineData(long.MaxValue, "m v=9223372036854775807i 0")]
    [InlineData(long.MinValue, "m v=-9223372036854775808i 0")]
    public void IntegersCarryTheISuffix(long value, string expected)
    {
        Assert.Equal(expected, Field(value));
    }

    [Theory]
    [InlineData(36.6, "m v=36.6 0")]
    [InlineData(0.1 + 0.2, "m v=0.30000000000000004 0")]
    [InlineData(1e-5, "m v=1E-05 0")]
    [InlineData(1.5e20, "m v=1.5E+20 0")]
    [InlineData(-3.0, "m v=-3 0")]
    public void FloatsAreInvariantAndRoundTrip(double value, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A decimal comma culture must not leak into the line.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var line = Field(value);

            Assert.Equal(expected, line);
            Assert.Equal(value, double.Parse(line.Split(' ')[1][2..], CultureInfo.InvariantCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void BooleansAreTrueOrFalse()
    {
        Assert.Equal("m v=true 0", Field(true));
        Assert.Equal("m v=false 0", Field(false));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaNAndInfinityAreRejectedNamingTheField(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => Field(value));

        Assert.Contains("Field \"v\" of measurement \"m\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN or infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimestampsAreNanosecondsSinceTheUnixEpoch()
    {
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

        Assert.Equal("m v=1i 1740787200123456700", Field(1, at));
        Assert.Equal(at, LineProtocol.FromUnixNanoseconds(LineProtocol.ToUnixNanoseconds(at)));
    }

    [Fact]
    public void TimestampsBeforeTheEpochAreNegative()
    {
        Assert.Equal("m v=1i -1000000000", Field(1, DateTimeOffset.UnixEpoch.AddSeconds(-1)));
    }

    [Fact]
    public void TimestampsBeyondWhatNanosecondsHoldAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Field(1, new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
