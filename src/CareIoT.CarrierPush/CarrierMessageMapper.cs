using CareIoT.Contracts;

namespace CareIoT.CarrierPush;

/// <summary>
/// Turns one platform report into the device messages a native device would have sent, through its
/// product's field table, so an NB-IoT smoke alarm's fire goes through the same device grain, rules and
/// console as an MQTT one. Each message id is the platform's record id (plus the field), so a re-push is
/// a duplicate at the grain and in the journal. A report none of whose fields means anything is still
/// the device speaking: a heartbeat.
/// </summary>
public static class CarrierMessageMapper
{
    public static IReadOnlyList<DeviceMessage> ToMessages(CarrierReport report, CarrierProduct product, string deviceId, DateTimeOffset receivedAt)
    {
        switch (report.Kind)
        {
            case CarrierReportKind.Online:
                return [new DeviceMessage(deviceId, report.MessageId, DeviceMessageType.Online, report.At, receivedAt)];
            case CarrierReportKind.Offline:
                return product.ForwardsOffline ? [new DeviceMessage(deviceId, report.MessageId, DeviceMessageType.Offline, report.At, receivedAt)] : [];
        }

        var messages = new List<DeviceMessage>();
        foreach (var (field, value) in report.Fields)
        {
            if (product.TryMap(report.ServiceId, field, value, out var type) && type is { } meant)
            {
                var readings = meant == DeviceMessageType.Fault ? new DeviceReadings { Fault = true, FaultCode = $"{field}={value}" } : null;
                messages.Add(new DeviceMessage(deviceId, $"{report.MessageId}/{field}", meant, report.At, receivedAt, readings));
            }
        }

        return messages.Count > 0 ? messages : [new DeviceMessage(deviceId, report.MessageId, DeviceMessageType.Heartbeat, report.At, receivedAt)];
    }
}
