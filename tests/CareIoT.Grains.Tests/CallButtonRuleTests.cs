using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

public sealed class CallButtonRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 15, 2, TimeSpan.Zero);

    [Fact]
    public void PressOnACallButtonIsACriticalPersonalEmergency()
    {
        var decision = CallButtonRule.Evaluate(Message(DeviceMessageType.Press), Binding(DeviceKind.CallButton));

        Assert.Equal(new AlertDecision(AlertCause.PersonalEmergency, AlertPriority.Critical), decision);
    }

    [Theory]
    [InlineData(DeviceMessageType.Cancel)]
    [InlineData(DeviceMessageType.Heartbeat)]
    public void OtherMessagesOfACallButtonDecideNothing(DeviceMessageType type) =>
        Assert.Null(CallButtonRule.Evaluate(Message(type), Binding(DeviceKind.CallButton)));

    [Theory]
    [InlineData(DeviceKind.SmokeAlarm)]
    [InlineData(DeviceKind.Mattress)]
    public void PressFromADeviceThatIsNotACallButtonDecidesNothing(DeviceKind kind) =>
        Assert.Null(CallButtonRule.Evaluate(Message(DeviceMessageType.Press), Binding(kind)));

    private static DeviceMessage Message(DeviceMessageType type) => new("dev-1", "m-1", type, Now, Now);

    private static DeviceBinding Binding(DeviceKind kind) => new("dev-1", kind, new SiteRef(SiteKind.Household, "h-1"));
}
