using System.Diagnostics.Metrics;
using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>
/// The alert path's meter (<c>CareIoT.Alerts</c>, exported for Prometheus by the server): alerts raised by cause and
/// priority, escalations by level, and the time from raise to acknowledge by priority. A static meter: grains are
/// created by the runtime, and counting must not depend on how a host wires its services.
/// </summary>
public static class AlertMetrics
{
    public const string MeterName = "CareIoT.Alerts";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("careiot.alerts.raised", description: "Alerts raised (new, not repeats)");
    private static readonly Counter<long> Escalated = Meter.CreateCounter<long>("careiot.alerts.escalations", description: "Escalations of unacknowledged alerts");
    private static readonly Histogram<double> ToAcknowledge = Meter.CreateHistogram<double>("careiot.alerts.time_to_acknowledge", "s",
        "From raise to an operator's acknowledge", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 20, 30, 60, 90, 120, 180, 300, 600, 1800] });

    public static void RaisedOne(AlertSnapshot alert) =>
        Raised.Add(1, new("cause", alert.Cause.ToString()), new("priority", alert.Priority.ToString()));

    public static void EscalatedOne(AlertSnapshot alert) => Escalated.Add(1, new KeyValuePair<string, object?>("level", alert.EscalationLevel));

    public static void Acknowledged(AlertSnapshot alert) =>
        ToAcknowledge.Record(((alert.AcknowledgedAt ?? alert.RaisedAt) - alert.RaisedAt).TotalSeconds, new KeyValuePair<string, object?>("priority", alert.Priority.ToString()));
}
