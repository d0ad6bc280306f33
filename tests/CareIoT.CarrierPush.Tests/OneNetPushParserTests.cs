using System.Text;

namespace CareIoT.CarrierPush.Tests;

public sealed class OneNetPushParserTests
{
    private static PushParseResult Parse(string body)
    {
        var (envelope, problem) = OneNetEnvelope.Read(Encoding.UTF8.GetBytes(body));
        return envelope is null ? PushParseResult.Malformed(problem!) : OneNetPushParser.Parse(envelope);
    }

    [Fact]
    public void ADataPointBecomesOneFieldWithAnIdOfDeviceStreamAndTime()
    {
        var result = Parse("""{"msg":{"type":1,"dev_id":2016617,"ds_id":"smoke_state","at":1765000000123,"value":1},"msg_signature":"x","nonce":"abc"}""");

        var report = Assert.Single(result.Reports);
        Assert.Null(result.Problem);
        Assert.Equal(CarrierReportKind.Data, report.Kind);
        Assert.Equal("2016617", report.DeviceKey);
        Assert.Equal("onenet-2016617-smoke_state-1765000000123", report.MessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1765000000123), report.At);
        Assert.Equal([new("smoke_state", "1")], report.Fields);
    }

    [Fact]
    public void TheSignedMsgTextIsExactlyWhatWasSent()
    {
        var (envelope, _) = OneNetEnvelope.Read(Encoding.UTF8.GetBytes("""{"msg": {"type":1, "dev_id":7,"ds_id":"a","at":1,"value":"x"} ,"msg_signature":"s","nonce":"n"}"""));

        Assert.Equal("""{"type":1, "dev_id":7,"ds_id":"a","at":1,"value":"x"}""", envelope!.MsgText);
    }

    [Fact]
    public void ABatchHoldsDataOnlineOfflineAndIgnoresCommandResults()
    {
        var result = Parse("""
            {"msg":[{"type":2,"dev_id":"9","status":1,"login_type":10,"at":1000},
                    {"type":2,"dev_id":"9","status":0,"login_type":10,"at":2000},
                    {"type":1,"dev_id":"9","ds_id":"state","at":3000,"value":{"smoke":1,"battery":80}},
                    {"type":7,"dev_id":"9","cmd_type":1,"cmd_id":"c1","at":4000}],
             "msg_signature":"s","nonce":"n"}
            """);

        Assert.Null(result.Problem);
        Assert.Equal([CarrierReportKind.Online, CarrierReportKind.Offline, CarrierReportKind.Data], result.Reports.Select(r => r.Kind));
        Assert.Equal(1, result.Ignored);
        Assert.Equal([new("state.smoke", "1"), new("state.battery", "80")], result.Reports[2].Fields);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"msg":"text","msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":{"type":1,"dev_id":1,"ds_id":"a","at":1,"value":1}}""")]
    [InlineData("""{"enc_msg":"AAAA","msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":{"dev_id":1,"ds_id":"a","at":1,"value":1},"msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":{"type":1,"ds_id":"a","at":1,"value":1},"msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":{"type":1,"dev_id":1,"at":1,"value":1},"msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":{"type":1,"dev_id":1,"ds_id":"a","at":1,"value":[1,2]},"msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":{"type":2,"dev_id":1,"status":5,"at":1},"msg_signature":"s","nonce":"n"}""")]
    [InlineData("""{"msg":[],"msg_signature":"s","nonce":"n"}""")]
    public void MalformedPushesAreRefusedWithAReason(string body)
    {
        var result = Parse(body);

        Assert.NotNull(result.Problem);
        Assert.Empty(result.Reports);
    }
}
