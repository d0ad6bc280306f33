using CareIoT.Contracts;

namespace CareIoT.Ingestion;

/// <summary>
/// Either a valid message, a message that is fine but not for us (<see cref="Skipped"/>: acknowledged,
/// counted, not dead-lettered), or a reason it was refused. <see cref="DeviceId"/> is set whenever the
/// topic named one.
/// </summary>
public sealed record DecodeResult(DeviceMessage? Message, string? DeviceId, RejectReason? Reason, string Detail, bool Skipped = false)
{
    public static DecodeResult Ok(DeviceMessage message) => new(message, message.DeviceId, null, "");

    public static DecodeResult Reject(string? deviceId, RejectReason reason, string detail) => new(null, deviceId, reason, detail);

    public static DecodeResult Skip(string? deviceId, string detail) => new(null, deviceId, null, detail, Skipped: true);
}
