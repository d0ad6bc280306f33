namespace CareIoT.Ingestion.Tests;

public sealed class IngestLaneTests
{
    [Fact]
    public void AlarmLaneTakesDeviceEventsAndGatewaysInItsOwnSession()
    {
        var (wanted, retired) = IngestLane.Alarms.Filters(null);

        Assert.Equal(["careiot/v1/devices/+/events", "careiot/z2m/#"], wanted);
        Assert.Empty(retired);
        Assert.Equal("careiot-ingest-1-alarms", IngestLane.Alarms.ClientId("careiot-ingest-1"));
    }

    [Fact]
    public void TelemetryLaneKeepsTheNodeSessionAndDropsTheGatewaysItUsedToTake()
    {
        var (wanted, retired) = IngestLane.Telemetry.Filters(null);

        Assert.Equal(["careiot/v1/devices/+/+"], wanted);
        Assert.Equal(["careiot/z2m/#"], retired);
        Assert.Equal("careiot-ingest-1", IngestLane.Telemetry.ClientId("careiot-ingest-1"));
    }

    [Fact]
    public void SharedGroupSplitsTelemetryButEveryNodeKeepsItsOwnAlarmSubscription()
    {
        var (alarms, alarmsRetired) = IngestLane.Alarms.Filters("careiot-ingest");
        var (telemetry, telemetryRetired) = IngestLane.Telemetry.Filters("careiot-ingest");

        Assert.Equal(["careiot/v1/devices/+/events", "careiot/z2m/#"], alarms);
        Assert.Equal(["$share/careiot-ingest/careiot/v1/devices/+/events", "$share/careiot-ingest/careiot/z2m/#"], alarmsRetired);
        Assert.Equal(["$share/careiot-ingest/careiot/v1/devices/+/+"], telemetry);
        Assert.Equal(["careiot/v1/devices/+/+", "careiot/z2m/#", "$share/careiot-ingest/careiot/z2m/#"], telemetryRetired);
    }

    [Theory]
    [InlineData("careiot/v1/devices/cb-1/events", false)]
    [InlineData("careiot/v1/devices/cb-1/status", true)]
    [InlineData("careiot/v1/devices/mt-1/telemetry", true)]
    [InlineData("careiot/v1/devices/mt-1/bogus", true)]
    public void TelemetryLaneLeavesDeviceEventsToTheAlarmLaneAndKeepsUnknownChannels(string topic, bool handled)
    {
        Assert.Equal(handled, IngestLane.Telemetry.Handles(topic));
        Assert.True(IngestLane.Alarms.Handles(topic));
    }
}
