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
        var events = DeviceEventDeriver.Derive(Message(DeviceMessageType.SmokeAlarm), new DeviceCondition { Known = true }, 20);

        var smoke = Assert.Single(events);
        Assert.Equal(DeviceEventKind.SmokeDetected, smoke.Kind);
        Assert.Equal("dev-1/m1/SmokeDetected", smoke.SourceKey);
    }

    [Fact]
    public void StateReportRaisesSmokeOnlyOnTheChangeFromClearToSmoke()
    {
        var condition = new DeviceCondition { Known = true };
        var smoky = new DeviceReadings { Smoke = true, BatteryPercent = 90 };

        Assert.Equal([DeviceEventKind.SmokeDetected], Kinds(Message(DeviceMessageType.StateReport, smoky, "a"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.StateReport, smoky, "b"), condition));
        Assert.Equal([DeviceEventKind.SmokeCleared], Kinds(Message(DeviceMessageType.StateReport, smoky with { Smoke = false }, "c"), condition));
    }

    [Fact]
    public void LastWillTakesTheDeviceOfflineOnceAndTheNextMessageBringsItBack()
    {
        var condition = new DeviceCondition { Known = true };

        Assert.Equal([DeviceEventKind.WentOffline], Kinds(Message(DeviceMessageType.Offline, id: "w1"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.Offline, id: "w2"), condition));
        Assert.Equal([DeviceEventKind.BackOnline], Kinds(Message(DeviceMessageType.Heartbeat, id: "h1"), condition));
        Assert.True(condition.Online);
    }

    [Fact]
    public void BatteryAtTheThresholdIsLowOnceUntilItIsReplaced()
    {
        var condition = new DeviceCondition { Known = true };

        Assert.Empty(Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 21 }, "h1"), condition));
        Assert.Equal([DeviceEventKind.BatteryLow], Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 20 }, "h2"), condition));
        Assert.Empty(Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 18 }, "h3"), condition));
        Assert.Equal([DeviceEventKind.BatteryOk], Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 100 }, "h4"), condition));
        Assert.Equal([DeviceEventKind.BatteryLow], Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 5 }, "h5"), condition));
    }

    [Fact]
    public void PresenceChangesBecomeBedExitAndReturnAfterTheFirstReport()
    {
        var condition = new DeviceCondition { Known = true };

        Assert.Empty(Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Presence = true }, "a"), condition));
        Assert.Equal([DeviceEventKind.BedExited], Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Presence = false }, "b"), condition));
        Assert.Equal([DeviceEventKind.BedReturned], Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Presence = true }, "c"), condition));
    }

    [Fact]
    public void HeartbeatKeepsBatterySignalAndFirmware()
    {
        var condition = new DeviceCondition { Known = true };

        DeviceEventDeriver.Derive(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 77, SignalDbm = -70, Firmware = "2.0" }), condition, 20);

        Assert.Equal((77, -70, "2.0"), (condition.BatteryPercent, condition.SignalDbm, condition.Firmware));
    }

    [Fact]
    public void TheFirstMessageSinceTheTwinWokeIsSeenOnceThenNothing()
    {
        var condition = new DeviceCondition();

        var first = Kinds(Message(DeviceMessageType.Heartbeat, id: "m1"), condition);
        var second = Kinds(Message(DeviceMessageType.Heartbeat, id: "m2"), condition);

        Assert.Equal([DeviceEventKind.Seen], first);
        Assert.Empty(second);
    }

    [Fact]
    public void TamperAndFaultThatGoAwayAreRestoreEvents()
    {
        var condition = new DeviceCondition { Known = true };

        var opened = Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Tamper = true, Fault = true }, "m1"), condition);
        var closed = Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Tamper = false, Fault = false }, "m2"), condition);
        var again = Kinds(Message(DeviceMessageType.StateReport, new DeviceReadings { Tamper = false, Fault = false }, "m3"), condition);

        Assert.Equal([DeviceEventKind.Tampered, DeviceEventKind.Faulted], opened);
        Assert.Equal([DeviceEventKind.TamperRestored, DeviceEventKind.FaultCleared], closed);
        Assert.Empty(again);
    }

    [Fact]
    public void ALowBatteryIsOkOnlyOnceClearlyReplacedNotWhileItHoversAtTheThreshold()
    {
        var condition = new DeviceCondition { Known = true };

        var low = Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 18 }, "m1"), condition);
        var hovering = Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 23 }, "m2"), condition);
        var lowAgain = Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 19 }, "m3"), condition);
        var replaced = Kinds(Message(DeviceMessageType.Heartbeat, new DeviceReadings { BatteryPercent = 100 }, "m4"), condition);

        Assert.Equal([DeviceEventKind.BatteryLow], low);
        Assert.Empty(hovering);
        Assert.Empty(lowAgain);
        Assert.Equal([DeviceEventKind.BatteryOk], replaced);
        Assert.False(condition.BatteryLow);
    }
}
