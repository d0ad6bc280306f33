using CareIoT.Contracts;

namespace CareIoT.CarrierPush.Tests;

public sealed class CarrierProductMapTests
{
    [Fact]
    public void TheShippedProductFileLoadsWithBothPlatforms()
    {
        var map = CarrierProductMap.Load(Path.Combine(AppContext.BaseDirectory, "carrier-products.json"));

        Assert.Equal(CarrierPlatform.OneNet, map.Find("EXAMPLE-ONENET-SMOKE")!.Platform);
        Assert.Equal(CarrierPlatform.Ctwing, map.Find("example-ctwing-smoke")!.Platform);
        Assert.Null(map.Find("nothing"));
    }

    [Fact]
    public void AFieldMapsExactValuesThenTheWildcardAndAServiceQualifiedNameFirst()
    {
        var product = CarrierProductMap.Parse("""
            {"products":{"p":{"platform":"ctwing","fields":{
              "smoke":{"1":"SmokeAlarm","0":"SmokeClear"},"1001.smoke":{"1":"SmokeTest"},"beat":{"*":"Heartbeat"},"fault":{"0":"Ignored"}}}}}
            """).Find("p")!;

        Assert.True(product.TryMap(null, "smoke", "1", out var alarm));
        Assert.Equal(DeviceMessageType.SmokeAlarm, alarm);
        Assert.True(product.TryMap("1001", "smoke", "1", out var test));
        Assert.Equal(DeviceMessageType.SmokeTest, test);
        Assert.True(product.TryMap(null, "beat", "anything", out var beat));
        Assert.Equal(DeviceMessageType.Heartbeat, beat);
        Assert.True(product.TryMap(null, "fault", "0", out var ignored));
        Assert.Null(ignored);
        Assert.False(product.TryMap(null, "smoke", "7", out _));
        Assert.False(product.TryMap(null, "other", "1", out _));
        Assert.False(product.ForwardsOffline);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"vendors":{}}""", "$.vendors")]
    [InlineData("""{"products":{"p":{"fields":{}}}}""", "$.products.p.platform")]
    [InlineData("""{"products":{"p":{"platform":"aliyun","fields":{}}}}""", "$.products.p.platform")]
    [InlineData("""{"products":{"p":{"platform":"onenet"}}}""", "needs a \"fields\"")]
    [InlineData("""{"products":{"p":{"platform":"onenet","fields":{"smoke":{"1":"Fire"}}}}}""", "$.products.p.fields.smoke.1")]
    [InlineData("""{"products":{"p":{"platform":"onenet","fields":{"smoke":{}}}}}""", "maps no value")]
    [InlineData("""{"products":{"p":{"platform":"onenet","fields":{"smoke":{"1":"SmokeAlarm"}},"extra":1}}}""", "$.products.p.extra")]
    [InlineData("""{"products":{"p":{"platform":"onenet","platformOffline":"Maybe","fields":{"s":{"1":"SmokeAlarm"}}}}}""", "platformOffline")]
    [InlineData("""{"products":{"p":{"platform":"onenet","fields":{}},"P":{"platform":"onenet","fields":{}}}}""", "distinct")]
    public void AMistakeStopsTheLoadNamingWhere(string json, string where)
    {
        var error = Assert.Throws<FormatException>(() => CarrierProductMap.Parse(json));

        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }
}
