using CareIoT.Contracts;

namespace CareIoT.Ingestion;

/// <summary>Either a valid message or a reason it was refused; <see cref="DeviceId"/> is set whenever the topic named one.</summary>
public sealed record DecodeResult(DeviceMessage? Message, string? DeviceId, RejectReason? Reason, string Detail)
{
    public static DecodeResult Ok(DeviceMessage message) => new(message, message.DeviceId, null, "");

    public static DecodeResult Reject(string? deviceId, RejectReason reason, string detail) => new(null, deviceId, reason, detail);
}
