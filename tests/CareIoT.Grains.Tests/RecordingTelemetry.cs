using System.Collections.Concurrent;
using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>Records what the device grains handed to telemetry.</summary>
public sealed class RecordingTelemetry : ITelemetryRecorder
{
    public ConcurrentQueue<DeviceMessage> Messages { get; } = new();

    public ConcurrentQueue<(string DeviceId, bool Online, DateTimeOffset At, string Cause)> Transitions { get; } = new();

    public void DeviceMessage(DeviceBinding binding, DeviceMessage message) => Messages.Enqueue(message);

    public void DeviceOnline(DeviceBinding binding, bool online, DateTimeOffset at, string cause) => Transitions.Enqueue((binding.DeviceId, online, at, cause));
}
