namespace CareIoT.Contracts;

/// <summary>Where an alert is in its lifecycle.</summary>
public enum AlertStatus
{
    Raised = 1,
    Acknowledged = 2,
    Dispatched = 3,
    Resolved = 4,
    CancelledByResident = 5,
    FalseAlarm = 6,

    /// <summary>A technical alert ended by the device itself: back online, battery replaced, tamper closed, fault cleared.</summary>
    Restored = 7,
}
