using CareIoT.Contracts;

namespace CareIoT.CarrierPush.Tests;

public sealed class CarrierMessageMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    private static readonly CarrierProductMap Map = CarrierProductMap.Parse("""
        {"products":{
          "quiet":{"platform":"onenet","fields":{"smoke":{"1":"SmokeAlarm","0":"SmokeClear"},"fault":{"1":"Fault","0":"Ignored"},"low":{"1":"LowBattery"},"tamper":{"1":"Tamper"}}},
          "loud":{"platform":"onenet","platformOffline":"Offline","fields":{"smoke":{"1":"SmokeAlarm"}}}}}
        """);

    private static CarrierReport Report(CarrierReportKind kind, params (string, string)[] fields) =>
        new(CarrierPlatform.OneNet, "42", null, null, "onenet-42-x-1", At, kind, [.. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))], "{}");

    [Fact]
    public void EachMappedFieldIsAMessageWithTheRecordIdAndField()
    {
        var messages = CarrierMessageMapper.ToMessages(Report(CarrierReportKind.Data, ("smoke", "1"), ("fault", "1"), ("rssi", "-90")), Map.Find("quiet")!, "nb-1", At.AddSeconds(1));

        Assert.Equal([DeviceMessageType.SmokeAlarm, DeviceMessageType.Fault], messages.Select(m => m.Type));
        Assert.Equal(["onenet-42-x-1/smoke", "onenet-42-x-1/fault"], messages.Select(m => m.MessageId));
        Assert.All(messages, m => Assert.Equal(("nb-1", At), (m.DeviceId, m.DeviceTime)));
        Assert.Equal("fault=1", messages[1].Readings!.FaultCode);
    }

    [Fact]
    public void AReportThatMeansNothingIsAHeartbeat()
    {
        var message = Assert.Single(CarrierMessageMapper.ToMessages(Report(CarrierReportKind.Data, ("fault", "0"), ("rssi", "-90")), Map.Find("quiet")!, "nb-1", At));

        Assert.Equal((DeviceMessageType.Heartbeat, "onenet-42-x-1"), (message.Type, message.MessageId));
    }

    [Fact]
    public void OnlineIsASignOfLifeAndOfflineIsForwardedOnlyWhereTheProductSaysSo()
    {
        Assert.Equal(DeviceMessageType.Online, Assert.Single(CarrierMessageMapper.ToMessages(Report(CarrierReportKind.Online), Map.Find("quiet")!, "nb-1", At)).Type);
        Assert.Empty(CarrierMessageMapper.ToMessages(Report(CarrierReportKind.Offline), Map.Find("quiet")!, "nb-1", At));
        Assert.Equal(DeviceMessageType.Offline, Assert.Single(CarrierMessageMapper.ToMessages(Report(CarrierReportKind.Offline), Map.Find("loud")!, "nb-1", At)).Type);
    }
}
