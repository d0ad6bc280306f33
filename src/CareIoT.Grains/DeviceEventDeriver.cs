using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>
/// Turns one message into the events it means, given what the device said before: native events
/// map one to one; state reports (Zigbee2MQTT) become events only where a value changed; any
/// message from an offline device first brings it back online. A condition that returns to healthy
/// (battery, tamper, fault) is an event too, and the first message since the twin woke is <c>Seen</c>.
/// </summary>
internal static class DeviceEventDeriver
{
    public static List<DeviceEvent> Derive(DeviceMessage message, DeviceCondition condition, int lowBatteryPercent, int batteryOkPercent = 50)
    {
        var events = new List<DeviceEvent>();
        void Add(DeviceEventKind kind) =>
            events.Add(new DeviceEvent(kind, message.DeviceId, $"{message.SourceKey}/{kind}", message.ReceivedAt, message.Readings, message.DeviceTime));

        var first = !condition.Known;
        condition.Known = true;

        if (message.Type == DeviceMessageType.Offline)
        {
            if (condition.Online)
            {
                condition.Online = false;
                Add(DeviceEventKind.WentOffline);
            }

            return events;
        }

        if (!condition.Online)
        {
            condition.Online = true;
            Add(DeviceEventKind.BackOnline);
        }
        else if (first)
        {
            Add(DeviceEventKind.Seen);
        }

        switch (message.Type)
        {
            case DeviceMessageType.Press: Add(DeviceEventKind.CallPressed); break;
            case DeviceMessageType.Cancel: Add(DeviceEventKind.CallCancelled); break;
            case DeviceMessageType.SmokeAlarm: condition.Smoke = true; Add(DeviceEventKind.SmokeDetected); break;
            case DeviceMessageType.SmokeClear: condition.Smoke = false; Add(DeviceEventKind.SmokeCleared); break;
            case DeviceMessageType.SmokeTest: Add(DeviceEventKind.SmokeTested); break;
            case DeviceMessageType.Tamper: condition.Tamper = true; Add(DeviceEventKind.Tampered); break;
            case DeviceMessageType.Fault: condition.Fault = true; Add(DeviceEventKind.Faulted); break;
            case DeviceMessageType.LowBattery: condition.BatteryLow = true; Add(DeviceEventKind.BatteryLow); break;
            case DeviceMessageType.BedExit: condition.Presence = false; Add(DeviceEventKind.BedExited); break;
            case DeviceMessageType.BedReturn: condition.Presence = true; Add(DeviceEventKind.BedReturned); break;
            case DeviceMessageType.Vitals: Add(DeviceEventKind.VitalsReported); break;
            case DeviceMessageType.Inactivity: Add(DeviceEventKind.InactivityReported); break;
            case DeviceMessageType.StateReport: DeriveFromState(message.Readings, condition, Add); break;
            default: break;
        }

        ApplyHealth(message.Readings, condition, lowBatteryPercent, batteryOkPercent, Add);
        return events;
    }

    private static void DeriveFromState(DeviceReadings? readings, DeviceCondition condition, Action<DeviceEventKind> add)
    {
        if (readings is null)
        {
            return;
        }

        if (readings.Smoke is { } smoke && smoke != condition.Smoke)
        {
            condition.Smoke = smoke;
            add(smoke ? DeviceEventKind.SmokeDetected : DeviceEventKind.SmokeCleared);
        }

        if (readings.Tamper is true && !condition.Tamper)
        {
            add(DeviceEventKind.Tampered);
        }
        else if (readings.Tamper is false && condition.Tamper)
        {
            add(DeviceEventKind.TamperRestored);
        }

        condition.Tamper = readings.Tamper ?? condition.Tamper;
        if (readings.Fault is true && !condition.Fault)
        {
            add(DeviceEventKind.Faulted);
        }
        else if (readings.Fault is false && condition.Fault)
        {
            add(DeviceEventKind.FaultCleared);
        }

        condition.Fault = readings.Fault ?? condition.Fault;
        if (readings.Test is true)
        {
            add(DeviceEventKind.SmokeTested);
        }

        if (readings.Fall is true)
        {
            add(DeviceEventKind.FallDetected);
        }

        if (readings.Presence is { } presence && presence != condition.Presence)
        {
            // The first report only learns the state; an exit is a change from "in bed".
            if (condition.Presence is not null)
            {
                add(presence ? DeviceEventKind.BedReturned : DeviceEventKind.BedExited);
            }

            condition.Presence = presence;
        }

        if (readings.HeartRate is not null || readings.RespirationRate is not null)
        {
            add(DeviceEventKind.VitalsReported);
        }
    }

    private static void ApplyHealth(DeviceReadings? readings, DeviceCondition condition, int lowBatteryPercent, int batteryOkPercent, Action<DeviceEventKind> add)
    {
        if (readings is null)
        {
            return;
        }

        condition.SignalDbm = readings.SignalDbm ?? condition.SignalDbm;
        condition.LinkQuality = readings.LinkQuality ?? condition.LinkQuality;
        condition.Firmware = readings.Firmware ?? condition.Firmware;
        if (readings.BatteryPercent is { } percent)
        {
            condition.BatteryPercent = percent;
        }

        var low = readings.BatteryLow ?? (readings.BatteryPercent is { } p ? p <= lowBatteryPercent : condition.BatteryLow);
        if (low && !condition.BatteryLow)
        {
            add(DeviceEventKind.BatteryLow);
        }
        else if (!low && condition.BatteryLow)
        {
            // Low until clearly replaced: a level hovering at the threshold does not raise and restore in turn.
            if (readings.BatteryLow is false || readings.BatteryPercent > batteryOkPercent)
            {
                add(DeviceEventKind.BatteryOk);
            }
            else
            {
                low = true;
            }
        }

        condition.BatteryLow = low;
    }
}
