using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

public sealed class AlertRulesTests
{
    private static DeviceEvent Event(DeviceEventKind kind) => new(kind, "dev-1", $"dev-1/m/{kind}", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(DeviceEventKind.SmokeDetected, AlertCause.Fire, AlertPriority.Highest)]
    [InlineData(DeviceEventKind.CallPressed, AlertCause.PersonalEmergency, AlertPriority.Critical)]
    [InlineData(DeviceEventKind.FallDetected, AlertCause.Fall, AlertPriority.Critical)]
    [InlineData(DeviceEventKind.WentOffline, AlertCause.DeviceOffline, AlertPriority.Normal)]
    [InlineData(DeviceEventKind.Tampered, AlertCause.Tamper, AlertPriority.Normal)]
    [InlineData(DeviceEventKind.Faulted, AlertCause.DeviceFault, AlertPriority.Normal)]
    [InlineData(DeviceEventKind.BatteryLow, AlertCause.LowBattery, AlertPriority.Low)]
    public void EachAlarmingEventRaisesItsCauseAtItsPriority(DeviceEventKind kind, AlertCause cause, AlertPriority priority) =>
        Assert.Equal(new AlertDecision(cause, priority), AlertRules.Decide(Event(kind)));

    [Theory]
    [InlineData(DeviceEventKind.CallCancelled)]
    [InlineData(DeviceEventKind.SmokeCleared)]
    [InlineData(DeviceEventKind.SmokeTested)]
    [InlineData(DeviceEventKind.BackOnline)]
    [InlineData(DeviceEventKind.BedExited)]
    [InlineData(DeviceEventKind.BedReturned)]
    [InlineData(DeviceEventKind.VitalsReported)]
    public void EventsThatAreNotAlarmsRaiseNothing(DeviceEventKind kind) => Assert.Null(AlertRules.Decide(Event(kind)));

    [Fact]
    public void FireOutranksEveryOtherCause() =>
        Assert.All(Enum.GetValues<DeviceEventKind>().Select(k => AlertRules.Decide(Event(k))).OfType<AlertDecision>(),
            d => Assert.True(d.Cause == AlertCause.Fire || d.Priority > AlertPriority.Highest));

    [Theory]
    [InlineData(DeviceEventKind.SmokeCleared, AlertCause.Fire, "SmokeCleared")]
    [InlineData(DeviceEventKind.CallCancelled, AlertCause.PersonalEmergency, "CancelRequested")]
    public void ClearingEventsBecomeNotesOnTheOpenAlert(DeviceEventKind kind, AlertCause cause, string note) =>
        Assert.Equal((cause, note), AlertRules.NoteFor(Event(kind)));

    [Fact]
    public void TechnicalCausesAreKeptPerDeviceAndLifeSafetyCausesPerSite()
    {
        Assert.NotEqual(AlertCauses.KeyOf(AlertCause.DeviceOffline, "a"), AlertCauses.KeyOf(AlertCause.DeviceOffline, "b"));
        Assert.Equal(AlertCauses.KeyOf(AlertCause.PersonalEmergency, "a"), AlertCauses.KeyOf(AlertCause.PersonalEmergency, "b"));
    }
}
