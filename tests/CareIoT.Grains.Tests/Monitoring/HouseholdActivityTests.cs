using CareIoT.Contracts;
using CareIoT.Grains.Monitoring;

namespace CareIoT.Grains.Tests.Monitoring;

public sealed class HouseholdActivityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly HouseholdThresholds Defaults = new();

    [Fact]
    public void SilenceOfExactlyTwentyFourHoursIsNothingAndOneSecondMoreIsOneWelfareCheck()
    {
        var home = new HouseholdActivity(Start);

        Assert.Null(home.Tick(Start.AddHours(24), Defaults));
        var finding = home.Tick(Start.AddHours(24).AddSeconds(1), Defaults);
        Assert.Equal(AlertCause.Inactivity, finding?.Cause);
        Assert.Null(home.Tick(Start.AddHours(30), Defaults));
    }

    [Fact]
    public void SignOfLifeRestartsTheCount()
    {
        var home = new HouseholdActivity(Start);
        home.OnSignOfLife(Start.AddHours(20));

        Assert.Null(home.Tick(Start.AddHours(40), Defaults));
        Assert.NotNull(home.Tick(Start.AddHours(44).AddSeconds(1), Defaults));
    }

    [Fact]
    public void DisabledCheckNeverFires() =>
        Assert.Null(new HouseholdActivity(Start).Tick(Start.AddDays(30), Defaults with { InactivityLimit = null }));

    [Theory]
    [InlineData(DeviceEventKind.CallPressed, true)]
    [InlineData(DeviceEventKind.SmokeTested, true)]
    [InlineData(DeviceEventKind.BedExited, true)]
    [InlineData(DeviceEventKind.BatteryLow, false)]
    [InlineData(DeviceEventKind.BackOnline, false)]
    [InlineData(DeviceEventKind.WentOffline, false)]
    public void OnlyWhatAPersonDidIsASignOfLife(DeviceEventKind kind, bool sign) =>
        Assert.Equal(sign, HouseholdActivity.IsSignOfLife(new DeviceEvent(kind, "d", "k", Start)));

    [Fact]
    public void VitalsAreASignOfLifeOnlyWithMovement()
    {
        Assert.True(HouseholdActivity.IsSignOfLife(new DeviceEvent(DeviceEventKind.VitalsReported, "d", "k", Start, new DeviceReadings { Movement = 4 })));
        Assert.False(HouseholdActivity.IsSignOfLife(new DeviceEvent(DeviceEventKind.VitalsReported, "d", "k", Start, new DeviceReadings { Movement = 0 })));
    }
}
