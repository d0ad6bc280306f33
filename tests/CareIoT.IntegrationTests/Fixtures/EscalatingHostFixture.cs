namespace CareIoT.IntegrationTests;

/// <summary>A host of its own whose alerts escalate within seconds, so escalation can be watched in real time.</summary>
public sealed class EscalatingHostFixture : CareIoTHostFixture
{
    protected override void Configure(Dictionary<string, string> environment)
    {
        environment["Escalation__FireAcknowledgeWithin"] = "00:00:02";
        environment["Escalation__EmergencyAcknowledgeWithin"] = "00:00:02";
        environment["Escalation__OtherAcknowledgeWithin"] = "00:00:02";
        environment["Escalation__CheckEvery"] = "00:00:00.250";
    }
}

[CollectionDefinition(Name)]
public sealed class EscalatingHostCollection : ICollectionFixture<EscalatingHostFixture>
{
    public const string Name = "Escalating host";
}
