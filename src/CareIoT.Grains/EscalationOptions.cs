using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>
/// Configuration section <c>Escalation</c>: how long an alert may wait for acknowledgement before it
/// escalates to the supervisors (and again every as long until someone answers), and how often an
/// acknowledged but unresolved alert reminds.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public TimeSpan FireAcknowledgeWithin { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan EmergencyAcknowledgeWithin { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan OtherAcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RemindUnresolvedEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an open alert's timer looks at the clock (sub-minute; the reminder is the backstop).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan AcknowledgeWithin(AlertSnapshot alert) => alert.Priority switch
    {
        AlertPriority.Highest => FireAcknowledgeWithin,
        AlertPriority.Critical => EmergencyAcknowledgeWithin,
        _ => OtherAcknowledgeWithin,
    };
}
