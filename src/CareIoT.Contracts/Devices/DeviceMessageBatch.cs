namespace CareIoT.Contracts;

/// <summary>
/// Consecutive messages of one device, in the order it sent them (the telemetry lane hands a device's
/// readings over together: one grain call, one site call, instead of one each per reading).
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceMessageBatch")]
public sealed record DeviceMessageBatch(DeviceMessage[] Messages);
