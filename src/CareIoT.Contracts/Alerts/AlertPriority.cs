namespace CareIoT.Contracts;

/// <summary>How urgent an alert is; a lower value is answered first.</summary>
public enum AlertPriority
{
    Highest = 1,
    Critical = 2,
    High = 3,
    Normal = 4,
    Low = 5,
}
