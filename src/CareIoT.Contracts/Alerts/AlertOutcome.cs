namespace CareIoT.Contracts;

/// <summary>How an operator closes an alert; each maps to a closed <see cref="AlertStatus"/>.</summary>
public enum AlertOutcome
{
    Resolved = 1,
    FalseAlarm = 2,
    CancelledByResident = 3,
}
