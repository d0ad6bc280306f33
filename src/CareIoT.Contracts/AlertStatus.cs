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
}
