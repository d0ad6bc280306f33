using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry;

/// <summary>
/// Device telemetry as InfluxDB points: <c>vitals</c> (heart rate, respiration, presence, movement per
/// bed), <c>device_health</c> (battery, signal, link quality), <c>heartbeat</c> (one point each) and
/// <c>device_state</c> (online 1/0 and its cause at each transition). The writer batches, retries and spools, so this never blocks a grain.
/// </summary>
public sealed class InfluxTelemetryRecorder(InfluxLineWriter writer, ILogger<InfluxTelemetryRecorder> logger) : ITelemetryRecorder
{
    public void DeviceMessage(DeviceBinding binding, DeviceMessage message)
    {
        if (message.Type == DeviceMessageType.Heartbeat)
        {
            Write("heartbeat", Tags(binding), [new("n", 1L)], message.ReceivedAt);
        }

        if (message.Readings is not { } r)
        {
            return;
        }

        var tags = Tags(binding);
        var vitals = new List<KeyValuePair<string, FieldValue>>(4);
        Add(vitals, "heart_rate", r.HeartRate);
        Add(vitals, "respiration", r.RespirationRate);
        Add(vitals, "movement", r.Movement);
        if (r.Presence is { } presence)
        {
            vitals.Add(new("presence", presence));
        }

        Write("vitals", tags, vitals, message.DeviceTime);
        if (r.BatteryPercent is not null || r.SignalDbm is not null || r.LinkQuality is not null)
        {
            var health = new List<KeyValuePair<string, FieldValue>>(3);
            Add(health, "battery", r.BatteryPercent);
            Add(health, "rssi", r.SignalDbm);
            Add(health, "link_quality", r.LinkQuality);
            Write("device_health", tags, health, message.ReceivedAt);
        }
    }

    public void DeviceOnline(DeviceBinding binding, bool online, DateTimeOffset at, string cause) =>
        Write("device_state", Tags(binding), [new("online", online ? 1L : 0L), new("cause", cause)], at);

    private static KeyValuePair<string, string>[] Tags(DeviceBinding binding) =>
        [new("device", binding.DeviceId), new("kind", binding.Kind.ToString()), new("site_kind", binding.Site.Kind.ToString()), new("site", binding.Site.Id)];

    private static void Add(List<KeyValuePair<string, FieldValue>> fields, string name, int? value)
    {
        if (value is { } v)
        {
            fields.Add(new(name, (long)v));
        }
    }

    private void Write(string measurement, KeyValuePair<string, string>[] tags, List<KeyValuePair<string, FieldValue>> fields, DateTimeOffset at)
    {
        if (fields.Count == 0)
        {
            return;
        }

        try
        {
            writer.Write(new LinePoint(measurement, tags, fields, at));
        }
        catch (Exception ex)
        {
            // A device id the line protocol cannot carry: counted in the log, never thrown into a grain.
            logger.LogWarning(ex, "Telemetry point {Measurement} for {Tags} not recorded", measurement, tags);
        }
    }
}
