using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>A press on a one-touch call button is a personal emergency.</summary>
public static class CallButtonRule
{
    public static AlertDecision? Evaluate(DeviceMessage message, DeviceBinding binding) =>
        binding.Kind == DeviceKind.CallButton && message.Type == DeviceMessageType.Press
            ? new AlertDecision(AlertCause.PersonalEmergency, AlertPriority.Critical)
            : null;
}
