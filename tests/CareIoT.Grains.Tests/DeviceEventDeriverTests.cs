using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

public sealed class DeviceEventDeriverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static DeviceMessage Message(DeviceMessageType type, DeviceReadings? readings = null, string id = "m1") =>
        new("dev-1", id, type, Now, Now, readings);

    private static List<DeviceEventKind> Kinds(DeviceMessage message, DeviceCondition condition) =>
        [.. DeviceEventDeriver.Derive(message, condition, lowBatteryPercent: 20).Select(e => e.Kind)];

    [Fact]
    public void NativeEventsMapOneToOneWithDistinctSourceKeys()
    {
        var events = DeviceEventDeriver.Derive(Message(DeviceMessageType.SmokeAlarm), new DeviceCondition(), 20);

        var smoke = Assert.Single(events);
        Assert.Equal(DeviceEventKind.SmokeDetected, smoke.Kind);
        Assert.Equal("dev-1/m1/SmokeDetected", smoke.SourceKey);
    }

    [Fact]
    public void StateReportRaisesSmokeOnlyOnTheChangeFromClearToSmoke()
    {
        var condition = new DeviceCondition();
        var smoky = new DeviceReadings { Smoke = true, BatteryPercent = 90 };

        Assert.Equal([DeviceEventKind.SmokeDetected], Kinds(Message(DeviceMessageType.StateReport, smoky, "a"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.StateReport, smoky, "b"), condition));
        Assert.Equal([DeviceEventKind.SmokeCleared], Kinds(Message(DeviceMessageType.StateReport, smoky with { Smoke = false }, "c"), condition));
    }

    [Fact]
    public void LastWillTakesTheDeviceOfflineOnceAndTheNextMessageBringsItBack()
    {
        var condition = new DeviceCondition();

        Assert.Equal([DeviceEventKind.WentOffline], Kinds(Message(DeviceMessageType.Offline, id: "w1"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.Offline, id: "w2"), condition));
        Assert.Equal([DeviceEventKind.BackOnline], Kinds(Message(DeviceMessageType.Heartbeat, id: "h1"), condition));
        Assert.True(condition.Online);
    }

    [Fact]
    public void BatteryAtTheThresholdIsLowOnceUntilItRecovers()
    {
        var condition = new DeviceCondition();

        Assert.Empty(Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 21 }, "h1"), condition));
        Assert.Equal([DeviceEventKind.BatteryLow], Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 20 }, "h2"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 18 }, "h3"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 100 }, "h4"), condition));
        Assert.Equal([DeviceEventKind.BatteryLow], Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 5 }, "h5"), condition));
    }

    [Fact]
    public void PresenceChangesBecomeBedExitAndReturnAfterTheFirstReport()
    {
        var condition = new DeviceCondition();

        Assert.Empty(Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Presence = true }, "a"), condition));
        Assert.Equal([DeviceEventKind.BedExited], Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Presence = false }, "b"), condition));
        Assert.Equal([DeviceEventKind.BedReturned], Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Presence = true }, "c"), condition));
    }

    [Fact]
    public void HeartbeatKeepsBatterySignalAndFirmware()
    {
        var condition = new DeviceCondition();

        DeviceEventDeriver.Derive(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 77, SignalDbm = -70, Firmware = "2.0" }), condition, 20);

        Assert.Equal((77, -70, "2.0"), (condition.BatteryPercent, condition.SignalDbm, condition.Firmware));
    }
}
