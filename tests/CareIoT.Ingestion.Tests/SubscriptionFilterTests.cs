namespace CareIoT.Ingestion.Tests;

public sealed class SubscriptionFilterTests
{
    [Fact]
    public void SharedGroupSubscribesSharedFormsAndRetiresThePlainOnes()
    {
        var (wanted, retired) = MqttIngestWorker.Filters("careiot-ingest");

        Assert.Equal(["$share/careiot-ingest/careiot/v1/devices/+/+", "$share/careiot-ingest/careiot/z2m/#"], wanted);
        Assert.Equal(["careiot/v1/devices/+/+", "careiot/z2m/#"], retired);
    }

    [Fact]
    public void WithoutAGroupThePlainFiltersAreUsedAndNothingIsRetired()
    {
        var (wanted, retired) = MqttIngestWorker.Filters(null);

        Assert.Equal(["careiot/v1/devices/+/+", "careiot/z2m/#"], wanted);
        Assert.Empty(retired);
    }
}
