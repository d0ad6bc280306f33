namespace CareIoT.IntegrationTests;

/// <summary>A host of its own whose carrier push receivers know the test platforms' secrets.</summary>
public sealed class CarrierPushHostFixture : CareIoTHostFixture
{
    public const string OneNetToken = "it-onenet-token";
    public const string CtwingSecret = "it-ctwing-secret";

    protected override void Configure(Dictionary<string, string> environment)
    {
        environment["CarrierPush__OneNet__Token"] = OneNetToken;
        environment["CarrierPush__Ctwing__Token"] = CtwingSecret;
        environment["CarrierPush__DeadLettersPerSecond"] = "1000";
        environment["CarrierPush__InboxStaleAfter"] = "00:00:02";
        environment["CarrierPush__InboxSweepInterval"] = "00:00:01";
    }
}

[CollectionDefinition(Name)]
public sealed class CarrierPushHostCollection : ICollectionFixture<CarrierPushHostFixture>
{
    public const string Name = "Carrier push host";
}
