using System.Text;

namespace CareIoT.CarrierPush.Tests;

public sealed class CtwingPushParserTests
{
    private static PushParseResult Parse(string body) => CtwingPushParser.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void ADataReportWithServiceDataIsKeyedByImei()
    {
        var result = Parse("""
            {"upPacketSN":-1,"upDataSN":-1,"topic":"v1/up/ad","timestamp":1765000000000,"tenantId":"2000001","serviceId":"",
             "protocol":"lwm2m","productId":"15000001","payload":{"serviceId":"2","serviceData":{"smoke_state":1,"battery_value":88}},
             "messageType":"dataReport","deviceType":"","deviceId":"abc123","assocAssetId":"","IMSI":"undefined","IMEI":"869000000000001"}
            """);

        var report = Assert.Single(result.Reports);
        Assert.Equal("869000000000001", report.DeviceKey);
        Assert.Equal("15000001", report.ProductId);
        Assert.Equal("2", report.ServiceId);
        Assert.Equal([new("smoke_state", "1"), new("battery_value", "88")], report.Fields);
        Assert.StartsWith("ctwing-", report.MessageId, StringComparison.Ordinal);
        Assert.Equal(report.MessageId, Assert.Single(Parse(report.Raw).Reports).MessageId); // a retry of the same text is the same record
    }

    [Fact]
    public void TransparentAppDataHoldingJsonIsRead()
    {
        var appData = Convert.ToBase64String("{\"smoke_state\":0}"u8.ToArray());
        var result = Parse($$$"""{"messageType":"dataReport","IMEI":"869000000000002","timestamp":5,"payload":{"APPdata":"{{{appData}}}"}}""");

        Assert.Equal([new("smoke_state", "0")], Assert.Single(result.Reports).Fields);
    }

    [Fact]
    public void EventReportsAndOnlineOfflineReportsAreRead()
    {
        var events = Parse("""{"messageType":"eventReport","serviceId":1001,"eventType":1,"IMEI":"869000000000003","timestamp":7,"eventContent":{"smoke_alarm":1}}""");
        var online = Parse("""{"messageType":"deviceOnlineOfflineReport","eventType":1,"IMEI":"869000000000003","timestamp":8}""");
        var offline = Parse("""{"messageType":"deviceOnlineOfflineReport","eventType":0,"deviceId":"d1","timestamp":9}""");
        var other = Parse("""{"messageType":"commandResponse","IMEI":"869000000000003","timestamp":9}""");

        var e = Assert.Single(events.Reports);
        Assert.Equal((CarrierReportKind.Event, "1001"), (e.Kind, e.ServiceId));
        Assert.Equal(CarrierReportKind.Online, Assert.Single(online.Reports).Kind);
        Assert.Equal(("d1", CarrierReportKind.Offline), (offline.Reports[0].DeviceKey, offline.Reports[0].Kind));
        Assert.Equal((0, 1), (other.Reports.Count, other.Ignored));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("""{"IMEI":"1","timestamp":1,"payload":{"a":1}}""")]
    [InlineData("""{"messageType":"dataReport","timestamp":1,"payload":{"a":1}}""")]
    [InlineData("""{"messageType":"dataReport","IMEI":"1","payload":{"a":1}}""")]
    [InlineData("""{"messageType":"dataReport","IMEI":"1","timestamp":1}""")]
    [InlineData("""{"messageType":"dataReport","IMEI":"1","timestamp":1,"payload":{"APPdata":"not base64!"}}""")]
    [InlineData("""{"messageType":"eventReport","IMEI":"1","timestamp":1,"eventContent":"x"}""")]
    [InlineData("""{"messageType":"deviceOnlineOfflineReport","IMEI":"1","timestamp":1,"eventType":3}""")]
    public void MalformedPushesAreRefusedWithAReason(string body) => Assert.NotNull(Parse(body).Problem);
}
